package dev.catcafe.sparkapps;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks core Kubernetes objects against fabric8's model of the API (kubernetes-model 7.7.0),
 * strictly. fabric8 keeps fields it does not know in {@code additionalProperties} instead of
 * failing, so after reading, every model object in the tree is asked for them: a misspelt or
 * misplaced field is reported with its path.
 */
final class KubernetesModels {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static final Map<String, Class<?>> KINDS =
      Map.ofEntries(
          Map.entry("v1/Namespace", Namespace.class),
          Map.entry("v1/ConfigMap", ConfigMap.class),
          Map.entry("v1/Service", Service.class),
          Map.entry("v1/ServiceAccount", ServiceAccount.class),
          Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
          Map.entry("apps/v1/Deployment", Deployment.class),
          Map.entry("apps/v1/StatefulSet", StatefulSet.class),
          Map.entry("batch/v1/CronJob", CronJob.class),
          Map.entry("rbac.authorization.k8s.io/v1/Role", Role.class),
          Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", RoleBinding.class),
          Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class));

  private KubernetesModels() {}

  /** The model class of a core kind, if it is one. */
  static Optional<Class<?>> modelOf(String apiVersion, String kind) {
    return Optional.ofNullable(KINDS.get(apiVersion + "/" + kind));
  }

  /** Problems of {@code tree} read as {@code type}: unreadable values, or unknown fields. */
  static List<String> problems(JsonNode tree, Class<?> type) {
    Object model;
    try {
      model = MAPPER.treeToValue(tree, type);
    } catch (Exception e) {
      return List.of("not a valid %s: %s".formatted(type.getSimpleName(), e.getMessage()));
    }
    List<String> problems = new ArrayList<>();
    unknownFields(
        model, "", problems, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    return problems;
  }

  static <T> T read(JsonNode tree, Class<T> type) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (Exception e) {
      throw new IllegalArgumentException("not a valid " + type.getSimpleName(), e);
    }
  }

  static List<String> podTemplateProblems(JsonNode tree) {
    return problems(tree, PodTemplateSpec.class);
  }

  private static void unknownFields(
      Object value, String path, List<String> problems, Set<Object> seen) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof Enum<?>) {
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> unknownFields(item, path + "." + key, problems, seen));
      return;
    }
    if (value instanceof Collection<?> items) {
      int index = 0;
      for (Object item : items) {
        unknownFields(item, path + "[" + index++ + "]", problems, seen);
      }
      return;
    }
    if (!value.getClass().getName().startsWith("io.fabric8.") || !seen.add(value)) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || getter.getDeclaringClass() == Object.class
          || !getter.getName().startsWith("get")) {
        continue;
      }
      Object property;
      try {
        property = getter.invoke(value);
      } catch (IllegalAccessException | InvocationTargetException e) {
        continue;
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
          problems.add(
              "unknown field(s) %s at %s".formatted(extra.keySet(), path.isEmpty() ? "." : path));
        }
        continue;
      }
      String name = getter.getName().substring(3);
      unknownFields(
          property,
          path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1),
          problems,
          seen);
    }
  }
}
