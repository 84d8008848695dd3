package io.github.atlassianlifecycle.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the user Spring Security authenticated to the process engine for the length of the request, so the engine's
 * authorization checks, {@code camunda:initiator} and the four-eyes listeners all see who is calling. Always
 * cleared afterwards: the engine keeps it in a thread-local and threads are pooled.
 */
public class CamundaAuthenticationBridgeFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    public CamundaAuthenticationBridgeFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        String userId = authentication.getName();
        List<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(CamundaIdentityAuthenticationProvider.GROUP_PREFIX))
                .map(a -> a.substring(CamundaIdentityAuthenticationProvider.GROUP_PREFIX.length()))
                .toList();
        List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
                .list().stream().map(Tenant::getId).toList();
        try {
            identityService.setAuthentication(userId, groups, tenants);
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
