package dev.lawang.request;

/** The request book over the default store, in memory; a second instance is the same store. */
class InMemoryRequestBookTest extends RequestBookContract {
    private RequestBook.Store store = RequestBook.Store.inMemory();

    @Override
    protected RequestBook.Store newStore() {
        store = RequestBook.Store.inMemory();
        return store;
    }

    @Override
    protected RequestBook.Store secondInstance() {
        return store;
    }
}
