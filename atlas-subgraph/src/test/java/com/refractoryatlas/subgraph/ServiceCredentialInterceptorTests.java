package com.refractoryatlas.subgraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServiceCredentialInterceptorTests {

    private final ServiceCredentialInterceptor interceptor = new ServiceCredentialInterceptor("s3cret");

    @Test
    void anonymousCallersCannotWrite() {
        var caller = interceptor.callerOf(null, "editor");
        assertThat(caller.kind()).isEqualTo(Caller.Kind.ANONYMOUS);
        assertThatThrownBy(caller::requireService)
                .isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code())
                .isEqualTo(ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void aWrongTokenIsForbiddenAndItsRolesIgnored() {
        var caller = interceptor.callerOf("guess", "editor");
        assertThat(caller.roles()).isEmpty();
        assertThatThrownBy(caller::requireService)
                .extracting(e -> ((ApiException) e).code())
                .isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void theServiceTokenCarriesForwardedRoles() {
        var caller = interceptor.callerOf("s3cret", " editor, importer ");
        assertThat(caller.roles()).containsExactlyInAnyOrder("editor", "importer");
        assertThatCode(() -> caller.requireRole("editor", false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> caller.requireRole("admin", false))
                .extracting(e -> ((ApiException) e).code())
                .isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void aServiceActingForItselfMayUseInternalMutations() {
        var caller = interceptor.callerOf("s3cret", null);
        assertThatCode(() -> caller.requireRole("importer", true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> caller.requireRole("editor", false)).isInstanceOf(ApiException.class);
    }

    @Test
    void anEmptyConfiguredTokenAcceptsNobody() {
        var open = new ServiceCredentialInterceptor("");
        assertThat(open.callerOf("", null).kind()).isEqualTo(Caller.Kind.ANONYMOUS);
        assertThat(open.callerOf("anything", null).kind()).isEqualTo(Caller.Kind.INVALID_CREDENTIAL);
    }
}
