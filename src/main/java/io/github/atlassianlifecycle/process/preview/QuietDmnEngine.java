package io.github.atlassianlifecycle.process.preview;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * A DMN engine that evaluates decisions as the process engine's own does (the same FEEL engine and custom functions,
 * expression languages and settings) and records nothing: it has none of the process engine's listeners (history,
 * metrics) and parses models into plain decisions, not deployed definitions. The process engine's own DMN engine
 * cannot serve a dry run: outside a command its listeners fail, and inside one they write history.
 */
final class QuietDmnEngine {

    private QuietDmnEngine() {
    }

    static DmnEngine twinOf(DefaultDmnEngineConfiguration engines) {
        DefaultDmnEngineConfiguration twin = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
                .createDefaultDmnEngineConfiguration();
        twin.feelEngineFactory(engines.getFeelEngineFactory())
                .feelCustomFunctionProviders(engines.getFeelCustomFunctionProviders())
                .enableFeelLegacyBehavior(engines.isEnableFeelLegacyBehavior())
                .setReturnBlankTableOutputAsNull(engines.isReturnBlankTableOutputAsNull());
        twin.scriptEngineResolver(engines.getScriptEngineResolver())
                .elProvider(engines.getElProvider())
                .defaultInputExpressionExpressionLanguage(engines.getDefaultInputExpressionExpressionLanguage())
                .defaultInputEntryExpressionLanguage(engines.getDefaultInputEntryExpressionLanguage())
                .defaultOutputEntryExpressionLanguage(engines.getDefaultOutputEntryExpressionLanguage())
                .defaultLiteralExpressionLanguage(engines.getDefaultLiteralExpressionLanguage());
        return twin.buildEngine();
    }
}
