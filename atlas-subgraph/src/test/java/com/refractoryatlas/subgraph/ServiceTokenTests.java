package com.refractoryatlas.subgraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ServiceTokenTests {

    @Test
    void usesTheConfiguredSecret() {
        var environment = new MockEnvironment().withProperty(ServiceToken.PROPERTY, "s3cret");
        assertThat(ServiceToken.resolve(environment)).isEqualTo("s3cret");
    }

    @Test
    void readsTheEnvironmentVariableName() {
        var environment = new MockEnvironment().withProperty("ATLAS_SERVICE_TOKEN", "from-env");
        assertThat(ServiceToken.resolve(environment)).isEqualTo("from-env");
    }

    @Test
    void fallsBackToTheDevelopmentTokenOnlyInTheLocalProfile() {
        var local = new MockEnvironment();
        local.setActiveProfiles("local");
        assertThat(ServiceToken.resolve(local)).isEqualTo(ServiceToken.LOCAL_DEVELOPMENT_TOKEN);
    }

    @Test
    void refusesToStartWithoutASecretOutsideTheLocalProfile() {
        var production = new MockEnvironment().withProperty(ServiceToken.PROPERTY, " ");
        production.setActiveProfiles("prod");
        assertThatThrownBy(() -> ServiceToken.resolve(production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ATLAS_SERVICE_TOKEN")
                .hasMessageContaining("'local' profile");
    }
}
