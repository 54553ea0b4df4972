package io.twinsdk.hub.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsdk.core.internal.Json;
import io.twinsdk.hub.store.SettingsRepository;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hub's shared access policies, the same five IoT Hub creates by default: {@code iothubowner} (everything),
 * {@code service}, {@code device}, {@code registryRead} and {@code registryReadWrite}. Keys are generated once and
 * kept in the store, so connection strings stay valid across restarts.
 */
public final class AccessPolicies {

  /** The policy with every right; its connection string is the one the hub prints. */
  public static final String OWNER = "iothubowner";

  private static final String SETTING = "access-policies";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, AccessPolicy> policies;

  private AccessPolicies(Map<String, AccessPolicy> policies) {
    this.policies = Map.copyOf(policies);
  }

  /**
   * Loads the policies from {@code settings}, creating the defaults when absent. A given {@code ownerKey} replaces
   * the owner's primary key (the user's explicit choice wins over what was generated before).
   */
  public static AccessPolicies loadOrCreate(SettingsRepository settings, Optional<String> ownerKey) {
    Map<String, AccessPolicy> policies = settings.get(SETTING).map(AccessPolicies::parse)
        .orElseGet(AccessPolicies::defaults);
    if (ownerKey.isPresent()) {
      AccessPolicy owner = policies.get(OWNER);
      policies.put(OWNER, new AccessPolicy(OWNER, ownerKey.get(), owner.secondaryKey(), owner.rights()));
    }
    settings.put(SETTING, Json.write(toJson(policies)));
    return new AccessPolicies(policies);
  }

  /** Returns the policy with exactly this name. */
  public Optional<AccessPolicy> find(String name) {
    return Optional.ofNullable(policies.get(name));
  }

  /** Returns the owner policy. */
  public AccessPolicy owner() {
    return policies.get(OWNER);
  }

  /** Returns a new random base64 key of 32 bytes, as IoT Hub generates them. */
  public static String newKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static Map<String, AccessPolicy> defaults() {
    Map<String, AccessPolicy> policies = new LinkedHashMap<>();
    add(policies, OWNER, EnumSet.allOf(Right.class));
    add(policies, "service", EnumSet.of(Right.SERVICE_CONNECT));
    add(policies, "device", EnumSet.of(Right.DEVICE_CONNECT));
    add(policies, "registryRead", EnumSet.of(Right.REGISTRY_READ));
    add(policies, "registryReadWrite", EnumSet.of(Right.REGISTRY_READ, Right.REGISTRY_WRITE));
    return policies;
  }

  private static void add(Map<String, AccessPolicy> policies, String name, Set<Right> rights) {
    policies.put(name, new AccessPolicy(name, newKey(), newKey(), rights));
  }

  private static Map<String, AccessPolicy> parse(String json) {
    Map<String, AccessPolicy> policies = new LinkedHashMap<>();
    for (JsonNode node : Json.parse(json)) {
      Set<Right> rights = EnumSet.noneOf(Right.class);
      node.get("rights").forEach(r -> rights.add(Right.valueOf(r.asText())));
      String name = node.get("name").asText();
      policies.put(name, new AccessPolicy(name, node.get("primaryKey").asText(), node.get("secondaryKey").asText(),
          rights));
    }
    return policies;
  }

  private static ArrayNode toJson(Map<String, AccessPolicy> policies) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (AccessPolicy policy : policies.values()) {
      ObjectNode node = array.addObject();
      node.put("name", policy.name());
      node.put("primaryKey", policy.primaryKey());
      node.put("secondaryKey", policy.secondaryKey());
      ArrayNode rights = node.putArray("rights");
      policy.rights().stream().sorted().forEach(r -> rights.add(r.name()));
    }
    return array;
  }
}
