package com.posterincust.binding;

import com.posterincust.common.PublicAddress;
import com.posterincust.installation.Installation;
import com.posterincust.installation.Installations;
import com.posterincust.poster.PosterClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Stores a checked binding and tells the register about it. */
@Service
public class BindingService {

    private static final Logger log = LoggerFactory.getLogger(BindingService.class);

    private final TerminalBindingRepository bindings;
    private final Installations installations;
    private final PosterClient poster;
    private final PublicAddress publicAddress;

    public BindingService(TerminalBindingRepository bindings, Installations installations, PosterClient poster,
                          PublicAddress publicAddress) {
        this.bindings = bindings;
        this.installations = installations;
        this.poster = poster;
        this.publicAddress = publicAddress;
    }

    /** @return the binding it replaced, if the register was bound before */
    public Optional<String> store(TerminalBindingRepository.NewBinding binding) {
        Optional<String> replaced = bindings.bind(binding);
        log.info("Binding {}: register {}/{} bound to inCust terminal {}{}", binding.id(), binding.account(),
                binding.tabletId(), binding.terminalId(), replaced.map(old -> ", replacing binding " + old).orElse(""));
        return replaced;
    }

    /**
     * Writes the binding into the tablet's extras, where the register app reads it
     * ({@code Poster.settings.spotTabletExtras}): where to reach this service, and the loyalty client group for
     * guests it creates as Poster clients. Repeating it writes the same values.
     */
    public void announceToRegister(String bindingId) {
        TerminalBinding binding = bindings.find(bindingId).orElseThrow();
        String token = installations.accessToken(binding.account())
                .orElseThrow(() -> new IllegalStateException("No access token stored for " + binding.account()));
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("incust_bound", true);
        extras.put("incust_binding_id", binding.id());
        extras.put("incust_terminal_id", binding.terminalId());
        extras.put("incust_terminal_title", binding.terminalTitle());
        extras.put("incust_currency", binding.terminalCurrency());
        extras.put("incust_api_url", publicAddress.getPublicBaseUrl() + "/api/register/v1");
        extras.put("incust_register", binding.account() + "/" + binding.tabletId());
        installations.find(binding.account()).map(Installation::loyaltyGroupId)
                .ifPresent(group -> extras.put("incust_client_group_id", group));
        poster.setTabletExtras(binding.account(), token, binding.tabletId(), extras);
    }

}
