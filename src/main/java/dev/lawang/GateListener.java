package dev.lawang;

/**
 * Receives a gate's events, for audit trails, dashboards or notifications.
 *
 * <p>Called synchronously on the thread that caused the event, after the state changed and outside the gate's
 * locks; events of different visitors may arrive in any order. A listener that throws is logged (the exception's
 * type and stack, at WARN) and ignored: the gate's decision stands and the other listeners still run. Listeners
 * must be thread-safe.
 */
@FunctionalInterface
public interface GateListener {
    /**
     * Receives one event.
     *
     * @param event the event
     */
    void onEvent(GateEvent event);
}
