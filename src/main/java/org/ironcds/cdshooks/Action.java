package org.ironcds.cdshooks;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One change a suggestion makes in the EHR. {@code create} and {@code update} carry a whole
 * resource; {@code delete} carries a relative reference in {@code resourceId} and no resource.
 */
public record Action(Type type, String description, Optional<FhirJson> resource, Optional<String> resourceId) {
  private static final Pattern RELATIVE_REFERENCE = Pattern.compile("[A-Za-z]+/[A-Za-z0-9\\-.]{1,64}");

  /** The kind of change. */
  public enum Type {
    CREATE("create"),
    UPDATE("update"),
    DELETE("delete");

    private final String code;

    Type(String code) {
      this.code = code;
    }

    @JsonValue
    public String code() {
      return code;
    }
  }

  public Action {
    Objects.requireNonNull(type, "type == null");
    Coding.requireText(description, "description");
    Objects.requireNonNull(resource, "resource == null");
    Objects.requireNonNull(resourceId, "resourceId == null");
    if (type == Type.DELETE) {
      if (resource.isPresent() || resourceId.isEmpty()) {
        throw new IllegalArgumentException("delete needs resourceId and no resource");
      }
      if (!RELATIVE_REFERENCE.matcher(resourceId.get()).matches()) {
        throw new IllegalArgumentException("resourceId must be a relative reference: " + resourceId.get());
      }
    } else if (resource.isEmpty()) {
      throw new IllegalArgumentException(type.code() + " needs a resource");
    }
  }

  public static Action create(String description, FhirJson resource) {
    return new Action(Type.CREATE, description, Optional.of(resource), Optional.empty());
  }

  public static Action update(String description, FhirJson resource) {
    return new Action(Type.UPDATE, description, Optional.of(resource), Optional.empty());
  }

  public static Action delete(String description, String relativeReference) {
    return new Action(Type.DELETE, description, Optional.empty(), Optional.of(relativeReference));
  }
}
