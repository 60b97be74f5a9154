package dev.lawang.request;

/**
 * Where a request stands. A request is {@link #SUBMITTED}, then {@link #APPROVED}, then {@link #ISSUED}; or it is
 * {@link #REJECTED}, from {@link #SUBMITTED} or {@link #APPROVED}, with a reason. {@link #ISSUED} and
 * {@link #REJECTED} are final: an issued code is withdrawn by revoking it in the trust list, and a rejected office
 * submits a new request.
 */
public enum RequestState {
    /** Received and waiting for review. */
    SUBMITTED,
    /** Reviewed and accepted; waiting for the code to be issued. */
    APPROVED,
    /** The code has been issued. Final. */
    ISSUED,
    /** Refused with a reason. Final. */
    REJECTED;

    /**
     * Tells whether a request in this state is still waiting for a code.
     *
     * @return whether this is {@link #SUBMITTED} or {@link #APPROVED}
     */
    public boolean isOpen() {
        return this == SUBMITTED || this == APPROVED;
    }
}
