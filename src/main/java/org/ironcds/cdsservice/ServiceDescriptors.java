package org.ironcds.cdsservice;

import java.util.Map;
import java.util.Optional;
import org.ironcds.cdshooks.Hook;
import org.ironcds.cdshooks.ServiceDescriptor;

/**
 * The discovery entries of the two services. They share everything but hook and id: the CDS Hooks
 * sandbox stores services by id, so one id per hook keeps both visible.
 */
public final class ServiceDescriptors {
  public static final String ORDER_SIGN_ID = "iron-antiresorptive-order-sign";
  public static final String ORDER_SELECT_ID = "iron-antiresorptive-order-select";

  private static final String DESCRIPTION =
      "Checks intravenous iron orders against the patient's antiresorptive (osteoporosis) therapy and"
          + " phosphate and calcium history. IV iron, above all ferric carboxymaltose, with denosumab or a"
          + " bisphosphonate can cause severe hypophosphataemia and hypocalcaemia about 2-3 weeks after the"
          + " infusion. Cards suggest baseline and follow-up labs and lower-risk iron formulations.";

  private static final String USAGE =
      "Send the draft orders in context.draftOrders (MedicationRequest). The service needs the patient's"
          + " MedicationRequest, MedicationStatement, MedicationAdministration and Observation history: fill the"
          + " prefetch templates, or send fhirServer and fhirAuthorization so the service can fetch what is missing.";

  private ServiceDescriptors() {}

  public static ServiceDescriptor orderSign(Map<String, String> prefetch) {
    return new ServiceDescriptor(Hook.ORDER_SIGN, ORDER_SIGN_ID, "IV iron safety with antiresorptive therapy (order-sign)",
        DESCRIPTION, prefetch, Optional.of(USAGE));
  }

  public static ServiceDescriptor orderSelect(Map<String, String> prefetch) {
    return new ServiceDescriptor(Hook.ORDER_SELECT, ORDER_SELECT_ID,
        "IV iron safety with antiresorptive therapy (order-select)", DESCRIPTION
            + " At order-select, advice covers only the newly selected orders.", prefetch, Optional.of(USAGE));
  }
}
