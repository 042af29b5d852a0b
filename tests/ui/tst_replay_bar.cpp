// SPDX-License-Identifier: GPL-3.0-or-later
// The replay time slider: the archive's span on the slider, the label naming the moment shown
// (local time, offset and length), play/pause toggling and saying so, a click on the groove and a
// released drag seeking (a drag in progress does not), the step buttons moving one interval,
// clamped at the ends, the speed list, and showPosition() not fighting a held slider.

#include "ui/shell/ReplayBar.h"

#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <QToolButton>

using pg::ReplayBar;

namespace {

constexpr double kStart = 1764590400; // 2025-12-01 12:00:00 UTC
constexpr double kEnd = kStart + 3600;

template <typename W> W* child(const ReplayBar& bar, const char* name)
{
    auto* w = bar.findChild<W*>(QString::fromLatin1(name));
    Q_ASSERT(w);
    return w;
}

} // namespace

class TestReplayBar : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qputenv("TZ", "UTC"); }

    void labelNamesTheMomentShown()
    {
        ReplayBar bar(kStart, kEnd);
        bar.showPosition(kStart + 754);
        const QString text = child<QLabel>(bar, "replayPosition")->text();
        const QString local = QDateTime::fromSecsSinceEpoch(static_cast<qint64>(kStart) + 754)
                                  .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        QVERIFY2(text.contains(local), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("+00:12:34 of 01:00:00")), qPrintable(text));
        auto* slider = child<QSlider>(bar, "replaySlider");
        QCOMPARE(slider->minimum(), 0);
        QCOMPARE(slider->maximum(), 3600 * 1000);
        QCOMPARE(slider->value(), 754 * 1000);
        // outside the archive: clamped
        bar.showPosition(kEnd + 50);
        QCOMPARE(slider->value(), slider->maximum());
        QCOMPARE(bar.shownPosition(), kEnd);
    }

    void playPauseToggles()
    {
        ReplayBar bar(kStart, kEnd);
        QSignalSpy playing(&bar, &ReplayBar::playingChanged);
        auto* play = child<QToolButton>(bar, "replayPlay");
        QCOMPARE(play->accessibleName(), QStringLiteral("Play"));
        play->click();
        QCOMPARE(playing.size(), 1);
        QCOMPARE(playing.at(0).at(0).toBool(), true);
        QVERIFY(bar.isPlaying());
        QCOMPARE(play->accessibleName(), QStringLiteral("Pause"));
        play->click();
        QCOMPARE(playing.at(1).at(0).toBool(), false);
        // the clock stopped at the end: the bar says so, without asking anything
        bar.showPlaying(true);
        bar.showPlaying(false);
        QCOMPARE(playing.size(), 2);
        QCOMPARE(play->accessibleName(), QStringLiteral("Play"));
    }

    void stepsMoveOneIntervalClamped()
    {
        ReplayBar bar(kStart, kEnd);
        bar.setStepSeconds(5);
        bar.showPosition(kStart + 100);
        QSignalSpy seek(&bar, &ReplayBar::seekRequested);
        child<QToolButton>(bar, "replayForward")->click();
        child<QToolButton>(bar, "replayBack")->click();
        QCOMPARE(seek.size(), 2);
        QCOMPARE(seek.at(0).at(0).toDouble(), kStart + 105);
        QCOMPARE(seek.at(1).at(0).toDouble(), kStart + 95);
        bar.showPosition(kStart + 2);
        child<QToolButton>(bar, "replayBack")->click();
        QCOMPARE(seek.at(2).at(0).toDouble(), kStart);
        bar.setStepSeconds(0); // refused: the step stays 5
        bar.showPosition(kEnd - 1);
        child<QToolButton>(bar, "replayForward")->click();
        QCOMPARE(seek.at(3).at(0).toDouble(), kEnd);
    }

    void aKeyOrAClickSeeksADragSeeksWhenLetGo()
    {
        ReplayBar bar(kStart, kEnd);
        bar.resize(600, 40);
        auto* slider = child<QSlider>(bar, "replaySlider");
        QSignalSpy seek(&bar, &ReplayBar::seekRequested);
        slider->setFocus();
        slider->triggerAction(QAbstractSlider::SliderPageStepAdd);
        QCOMPARE(seek.size(), 1);
        QCOMPARE(seek.at(0).at(0).toDouble(), kStart + slider->pageStep() / 1000.0);
        // A drag: moving does not seek (the label follows), releasing does.
        slider->setSliderDown(true);
        slider->setSliderPosition(1800 * 1000);
        QCOMPARE(seek.size(), 1);
        QVERIFY(child<QLabel>(bar, "replayPosition")->text().contains(QStringLiteral("+00:30:00")));
        // a sample arriving meanwhile does not pull the slider back
        bar.showPosition(kStart + 10);
        QCOMPARE(slider->sliderPosition(), 1800 * 1000);
        slider->setSliderDown(false);
        QCOMPARE(seek.size(), 2);
        QCOMPARE(seek.at(1).at(0).toDouble(), kStart + 1800);
    }

    void speedsFromHalfToAnHourPerSecond()
    {
        ReplayBar bar(kStart, kEnd);
        QCOMPARE(bar.speed(), 1.0);
        QSignalSpy speed(&bar, &ReplayBar::speedChanged);
        auto* combo = child<QComboBox>(bar, "replaySpeed");
        QCOMPARE(combo->count(), ReplayBar::speeds().size());
        combo->setCurrentIndex(static_cast<int>(ReplayBar::speeds().indexOf(60.0)));
        QCOMPARE(speed.size(), 1);
        QCOMPARE(speed.at(0).at(0).toDouble(), 60.0);
        QCOMPARE(ReplayBar::speeds().front(), 0.5);
        QCOMPARE(ReplayBar::speeds().back(), 3600.0);
    }

    void longArchivesCountInSeconds()
    {
        const double month = 31.0 * 86400;
        ReplayBar bar(kStart, kStart + month);
        auto* slider = child<QSlider>(bar, "replaySlider");
        QCOMPARE(slider->maximum(), static_cast<int>(month));
        bar.showPosition(kStart + 86400);
        QCOMPARE(slider->value(), 86400);
    }
};

QTEST_MAIN(TestReplayBar)
#include "tst_replay_bar.moc"
