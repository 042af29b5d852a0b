// SPDX-License-Identifier: GPL-3.0-or-later
// ProcessNamesPool: identical names are one shared copy, different ones never are, and names
// nothing holds any more are forgotten.

#include "core/process/ProcessNamesPool.h"

#include <QtTest>

using namespace pg;

class TestProcessNamesPool : public QObject
{
    Q_OBJECT
private slots:
    void identicalNamesAreOneCopy();
    void everyPartTellsNamesApart();
    void sweepForgetsWhatNothingHolds();
};

void TestProcessNamesPool::identicalNamesAreOneCopy()
{
    ProcessNamesPool pool;
    auto a = pool.intern("worker", "php-fpm: pool www", Error::None);
    auto b = pool.intern("worker", "php-fpm: pool www", Error::None);
    QCOMPARE(a.get(), b.get());
    QCOMPARE(a->comm, std::string("worker"));
    QCOMPARE(a->cmdline, std::string("php-fpm: pool www"));
    QCOMPARE(a->cmdlineError, Error::None);
    QCOMPARE(pool.size(), std::size_t(1));
}

void TestProcessNamesPool::everyPartTellsNamesApart()
{
    ProcessNamesPool pool;
    auto base = pool.intern("sleep", "sleep 100", Error::None);
    auto otherArgs = pool.intern("sleep", "sleep 101", Error::None);
    auto otherComm = pool.intern("sleep2", "sleep 100", Error::None);
    auto denied = pool.intern("sleep", "", Error::PermissionDenied);
    auto empty = pool.intern("sleep", "", Error::None);
    // The boundary between comm and the command line is part of the content.
    auto shifted = pool.intern("sleepsleep", " 100", Error::None);
    const std::vector<const ProcessNames*> all = { base.get(), otherArgs.get(), otherComm.get(),
        denied.get(), empty.get(), shifted.get() };
    for (std::size_t i = 0; i < all.size(); ++i)
        for (std::size_t j = i + 1; j < all.size(); ++j)
            QVERIFY2(all[i] != all[j], qPrintable(QStringLiteral("%1 and %2").arg(i).arg(j)));
    QCOMPARE(pool.size(), all.size());
    QCOMPARE(denied->cmdlineError, Error::PermissionDenied);
    QCOMPARE(pool.intern("sleep", "", Error::PermissionDenied).get(), denied.get());
}

void TestProcessNamesPool::sweepForgetsWhatNothingHolds()
{
    ProcessNamesPool pool;
    auto kept = pool.intern("a", "a --kept", Error::None);
    std::weak_ptr<const ProcessNames> dropped = pool.intern("b", "b --dropped", Error::None);
    QCOMPARE(pool.size(), std::size_t(2));
    QVERIFY(!dropped.expired()); // the pool itself still holds it
    pool.sweep();
    QCOMPARE(pool.size(), std::size_t(1));
    QVERIFY(dropped.expired()); // freed, not only forgotten
    QCOMPARE(pool.intern("a", "a --kept", Error::None).get(), kept.get());
    // A name asked for again after its sweep is a new copy with the same content.
    auto again = pool.intern("b", "b --dropped", Error::None);
    QCOMPARE(again->cmdline, std::string("b --dropped"));
    QCOMPARE(pool.size(), std::size_t(2));
}

QTEST_GUILESS_MAIN(TestProcessNamesPool)
#include "tst_process_names_pool.moc"
