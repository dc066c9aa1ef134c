package dev.aisd.observability.health.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionStage;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import dev.aisd.observability.health.HealthCheck;
import dev.aisd.observability.health.HealthCheckFunction;
import dev.aisd.observability.health.HealthCheckOptions;
import dev.aisd.observability.health.HealthCheckResult;

/**
 * Finds {@link HealthCheck @HealthCheck} methods and {@link HealthCheckFunction} beans,
 * validates them while the bean is created (so a mistake fails the startup with a message
 * naming the bean and the method) and registers them with the engine once all singletons
 * exist.
 */
public final class HealthCheckBeanPostProcessor
		implements BeanPostProcessor, SmartInitializingSingleton, BeanClassLoaderAware, Ordered {

	private static final String MONO = "reactor.core.publisher.Mono";

	private final ObjectProvider<HealthCheckEngine> engine;

	private final ObjectProvider<LateHealthCheckSource> lateSources;

	private volatile Class<?> monoType;

	// Guarded by this: beans may be created concurrently (background bootstrap).
	private final List<Declaration> pending = new ArrayList<>();

	private final Map<String, String> sources = new HashMap<>();

	private boolean started;

	// Classes known to declare no @HealthCheck method, so each is introspected once.
	private final Set<Class<?>> plainClasses = ConcurrentHashMap.newKeySet();

	/**
	 * Creates the post-processor.
	 * @param engine the engine, looked up once all singletons exist
	 * @param lateSources sources that register after the declared checks
	 */
	public HealthCheckBeanPostProcessor(ObjectProvider<HealthCheckEngine> engine,
			ObjectProvider<LateHealthCheckSource> lateSources) {
		this.engine = engine;
		this.lateSources = lateSources;
		setBeanClassLoader(getClass().getClassLoader());
	}

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		// Reactor is optional: Mono return types are accepted only when it is present.
		this.monoType = ClassUtils.isPresent(MONO, classLoader) ? ClassUtils.resolveClassName(MONO, classLoader)
				: null;
	}

	@Override
	public int getOrder() {
		// After proxies are made, so checks run through them (transactions, ...).
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HealthCheckEngine) {
			return bean;
		}
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		List<Declaration> found = new ArrayList<>();
		if (bean instanceof HealthCheckFunction function) {
			HealthCheck annotation = AnnotatedElementUtils.findMergedAnnotation(targetClass, HealthCheck.class);
			String source = "bean '" + beanName + "' (" + targetClass.getName() + ")";
			HealthCheckOptions options = (annotation != null) ? options(annotation, source)
					: HealthCheckOptions.of(beanName);
			found.add(new Declaration(options, function::check, source));
		}
		if (!this.plainClasses.contains(targetClass)
				&& AnnotationUtils.isCandidateClass(targetClass, HealthCheck.class)) {
			Map<Method, HealthCheck> methods = MethodIntrospector.selectMethods(targetClass,
					(MethodIntrospector.MetadataLookup<HealthCheck>) (method) -> AnnotatedElementUtils
						.findMergedAnnotation(method, HealthCheck.class));
			if (methods.isEmpty()) {
				this.plainClasses.add(targetClass);
			}
			for (Map.Entry<Method, HealthCheck> entry : methods.entrySet()) {
				found.add(declaration(bean, beanName, targetClass, entry.getKey(), entry.getValue()));
			}
		}
		if (!found.isEmpty()) {
			accept(found);
		}
		return bean;
	}

	private synchronized void accept(List<Declaration> found) {
		for (Declaration declaration : found) {
			String name = declaration.options().getName();
			String existing = this.sources.putIfAbsent(name, declaration.source());
			if (existing != null) {
				throw new BeanInitializationException("Duplicate health check name '" + name + "': declared by "
						+ existing + " and by " + declaration.source());
			}
		}
		if (this.started) {
			register(found);
		}
		else {
			this.pending.addAll(found);
		}
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<Declaration> declarations;
		synchronized (this) {
			this.started = true;
			declarations = new ArrayList<>(this.pending);
			this.pending.clear();
		}
		register(declarations);
		HealthCheckEngine engine = this.engine.getIfAvailable();
		if (engine != null) {
			this.lateSources.orderedStream().forEach((source) -> source.registerWith(engine));
		}
	}

	private void register(List<Declaration> declarations) {
		HealthCheckEngine engine = this.engine.getIfAvailable();
		if (engine == null) {
			return;
		}
		for (Declaration declaration : declarations) {
			engine.register(declaration.options(), declaration.invoker(), declaration.source());
		}
	}

	private Declaration declaration(Object bean, String beanName, Class<?> targetClass, Method method,
			HealthCheck annotation) {
		String source = "method '" + method.getName() + "' of bean '" + beanName + "' (" + targetClass.getName()
				+ ")";
		if (method.getParameterCount() != 0) {
			throw invalid(source, "must take no parameters, but takes " + method.getParameterCount());
		}
		Kind kind = kind(method, targetClass, source);
		HealthCheckOptions options = options(annotation, source);
		Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
		ReflectionUtils.makeAccessible(invocable);
		Object target = java.lang.reflect.Modifier.isStatic(method.getModifiers()) ? null : bean;
		CheckInvoker invoker = () -> {
			Object value;
			try {
				value = invocable.invoke(target);
			}
			catch (InvocationTargetException ex) {
				throw (ex.getCause() != null) ? ex.getCause() : ex;
			}
			return switch (kind) {
				case RESULT -> (HealthCheckResult) value;
				case STAGE -> AsyncResults.await(stage(value));
				case MONO -> ReactorResults.await(value);
			};
		};
		return new Declaration(options, invoker, source);
	}

	@SuppressWarnings("unchecked")
	private static CompletionStage<HealthCheckResult> stage(Object value) {
		return (CompletionStage<HealthCheckResult>) value;
	}

	private Kind kind(Method method, Class<?> targetClass, String source) {
		Class<?> returnType = method.getReturnType();
		if (HealthCheckResult.class.isAssignableFrom(returnType)) {
			return Kind.RESULT;
		}
		ResolvableType type = ResolvableType.forMethodReturnType(method, targetClass);
		if (CompletionStage.class.isAssignableFrom(returnType)) {
			requireResultType(type.as(CompletionStage.class).getGeneric(0), source);
			return Kind.STAGE;
		}
		if (this.monoType != null && this.monoType.isAssignableFrom(returnType)) {
			requireResultType(type.as(this.monoType).getGeneric(0), source);
			return Kind.MONO;
		}
		throw invalid(source, "must return HealthCheckResult, CompletionStage<HealthCheckResult> or "
				+ "Mono<HealthCheckResult>, but returns " + type);
	}

	private void requireResultType(ResolvableType generic, String source) {
		Class<?> resolved = generic.resolve();
		if (resolved == null || !HealthCheckResult.class.isAssignableFrom(resolved)) {
			throw invalid(source, "must return a CompletionStage or Mono of HealthCheckResult, but its value type is "
					+ ((resolved != null) ? generic : "unknown"));
		}
	}

	private static HealthCheckOptions options(HealthCheck annotation, String source) {
		if (annotation.name() == null || annotation.name().isBlank()) {
			throw invalid(source, "the name must not be blank");
		}
		try {
			return HealthCheckOptions.of(annotation.name())
				.withCritical(annotation.critical())
				.withTimeout(duration(annotation.timeout(), "timeout", source))
				.withInterval(duration(annotation.interval(), "interval", source))
				.withThresholds(annotation.failureThreshold(), annotation.successThreshold());
		}
		catch (IllegalArgumentException ex) {
			throw invalid(source, ex.getMessage());
		}
	}

	private static Duration duration(String value, String attribute, String source) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return DurationStyle.detectAndParse(value.trim());
		}
		catch (IllegalArgumentException ex) {
			throw invalid(source, "the " + attribute + " '" + value + "' is not a duration (use 500ms, 2s, PT2S)");
		}
	}

	private static BeanInitializationException invalid(String source, String reason) {
		return new BeanInitializationException("Invalid @HealthCheck on " + source + ": " + reason);
	}

	private enum Kind {

		RESULT, STAGE, MONO

	}

	private record Declaration(HealthCheckOptions options, CheckInvoker invoker, String source) {
	}

}
