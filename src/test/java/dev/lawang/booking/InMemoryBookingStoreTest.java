package dev.lawang.booking;

/** {@link BookingStore#inMemory()} against the booking contract. */
class InMemoryBookingStoreTest extends BookingDeskContract {
    @Override
    protected BookingStore newStore() {
        return BookingStore.inMemory();
    }
}
