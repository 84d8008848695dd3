package io.github.atlassianlifecycle.process.operation;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;

import io.github.atlassianlifecycle.lifecycle.operation.ReusableOperation;

/**
 * Registers one {@link OperationDelegate} bean per {@link ReusableOperation}, named by {@link
 * OperationDelegate#beanName}, so a new operation needs no new bean method. A bean the application already defines
 * under that name is left in place (as {@code @ConditionalOnMissingBean} would).
 */
public class OperationDelegateRegistrar implements BeanDefinitionRegistryPostProcessor {

    private final String runnerBean;

    /** @param runnerBean the name of the {@link io.github.atlassianlifecycle.lifecycle.operation.OperationRunner} bean */
    public OperationDelegateRegistrar(String runnerBean) {
        this.runnerBean = runnerBean;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (ReusableOperation operation : ReusableOperation.values()) {
            String name = OperationDelegate.beanName(operation);
            if (!registry.containsBeanDefinition(name)) {
                registry.registerBeanDefinition(name, BeanDefinitionBuilder.genericBeanDefinition(OperationDelegate.class)
                        .addConstructorArgValue(operation).addConstructorArgReference(runnerBean).getBeanDefinition());
            }
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // all done in postProcessBeanDefinitionRegistry
    }
}
