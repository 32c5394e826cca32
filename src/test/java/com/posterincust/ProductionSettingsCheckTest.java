package com.posterincust;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.posterincust.common.PublicAddress;
import com.posterincust.poster.PosterProperties;
import org.junit.jupiter.api.Test;

class ProductionSettingsCheckTest {

    @Test
    void namesEveryMissingSettingAtOnce() {
        PosterProperties poster = new PosterProperties();

        assertThatThrownBy(() -> new ProductionSettingsCheck(poster, new PublicAddress(), "demo").afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("poster.application.id")
                .hasMessageContaining("poster.application.secret")
                .hasMessageContaining("poster.oauth.redirect-uri")
                .hasMessageContaining("orchestrator.public-base-url")
                .hasMessageContaining("demo password");
    }

    @Test
    void acceptsACompleteConfiguration() {
        PosterProperties poster = new PosterProperties();
        poster.getApplication().setId("1234");
        poster.getApplication().setSecret("secret");
        poster.getOauth().setRedirectUri("https://orchestrator.example.com/poster/oauth/callback");
        PublicAddress publicAddress = new PublicAddress();
        publicAddress.setPublicBaseUrl("https://orchestrator.example.com");

        assertThatCode(() -> new ProductionSettingsCheck(poster, publicAddress, "a-strong-password").afterPropertiesSet())
                .doesNotThrowAnyException();
    }
}
