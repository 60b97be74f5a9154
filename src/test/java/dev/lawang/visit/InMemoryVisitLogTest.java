package dev.lawang.visit;

class InMemoryVisitLogTest extends VisitLogContract {
    @Override
    protected VisitLog newLog() {
        return new InMemoryVisitLog();
    }
}
