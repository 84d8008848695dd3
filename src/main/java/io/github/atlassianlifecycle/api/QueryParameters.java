package io.github.atlassianlifecycle.api;

import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every request endpoint takes only the query parameters it declares, each at most once: anything else is refused
 * (400 invalid-request, naming each) before the endpoint runs, so a mistyped flag ({@code dryrun=true},
 * {@code dry-run}) can never be ignored while a real change is made. What an endpoint declares is its handlers'
 * {@code @RequestParam}s, the one source the OpenAPI description is made from too: an endpoint (path and method) may
 * have several handlers (the one for JSON bodies and the one that answers 415), and takes what any of them takes.
 */
public class QueryParameters implements HandlerInterceptor {

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            Set<String> accepted = known.computeIfAbsent(method.getMethod(), QueryParameters::declared);
            List<FieldError> errors = refused(request.getQueryString(), accepted);
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors, "Nothing was done: " + errors.size()
                        + " query parameter(s) refused. This endpoint takes " + (accepted.isEmpty() ? "none"
                                : "only " + String.join(", ", accepted)) + ", each at most once.");
            }
        }
        return true;
    }

    /**
     * A flag: false when absent, otherwise exactly {@code true} or {@code false}. Anything else ({@code yes},
     * {@code 1}, {@code TRUE}, an empty value) is refused rather than read one way or the other.
     */
    public static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidRequestException(List.of(new FieldError(name, "must be exactly true or false")),
                "Nothing was done: the parameter " + name + " must be exactly true or false.");
    }

    /** What the query names that the endpoint does not take, and what it names more than once. */
    static List<FieldError> refused(String query, Set<String> accepted) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    counts.merge(decode(equals < 0 ? pair : pair.substring(0, equals)), 1, Integer::sum);
                }
            }
        }
        List<FieldError> errors = new ArrayList<>();
        counts.forEach((name, count) -> {
            if (!accepted.contains(name)) {
                errors.add(new FieldError(name, "is not a parameter of this endpoint (it takes "
                        + (accepted.isEmpty() ? "none" : String.join(", ", accepted)) + ")"));
            } else if (count > 1) {
                errors.add(new FieldError(name, "is given " + count + " times: give it at most once"));
            }
        });
        return errors;
    }

    /** The {@code @RequestParam} names of every handler of the same controller mapped to the same path and method. */
    static Set<String> declared(Method handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler, RequestMapping.class);
        Set<String> names = new TreeSet<>();
        for (Method sibling : handler.getDeclaringClass().getDeclaredMethods()) {
            RequestMapping other = AnnotatedElementUtils.findMergedAnnotation(sibling, RequestMapping.class);
            if (sibling.equals(handler) || mapping != null && other != null
                    && Arrays.equals(mapping.path(), other.path()) && Arrays.equals(mapping.method(), other.method())) {
                names.addAll(requestParams(sibling));
            }
        }
        return Collections.unmodifiableSet(names);
    }

    private static List<String> requestParams(Method method) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < method.getParameterCount(); i++) {
            MethodParameter parameter = new MethodParameter(method, i);
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                parameter.initParameterNameDiscovery(NAMES);
                names.add(!param.name().isEmpty() ? param.name() : parameter.getParameterName());
            }
        }
        return names;
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return name;
        }
    }
}
