package io.github.atlassianlifecycle.lifecycle.reconcile.source;

/** A source that shows one product's people. */
public interface ProductSource extends ReconcileSource {

    Product product();
}
