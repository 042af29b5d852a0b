// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReplayControls.h"

#include "core/sampler/ProcessSampler.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/ReplayBar.h"

#include <QToolBar>

namespace pg {

void attachReplayBar(MainWindow& window, ProcessSampler& leader, const QList<Sampler*>& samplers,
    std::shared_ptr<ReplayClock> clock)
{
    auto* bar = new ReplayBar(clock->startSec(), clock->endSec());
    bar->showPosition(clock->position());
    auto* toolBar = new QToolBar(QObject::tr("Replay"), &window);
    toolBar->setObjectName(QStringLiteral("replayToolBar"));
    toolBar->setMovable(false);
    toolBar->setFloatable(false);
    toolBar->addWidget(bar);
    window.addToolBar(Qt::BottomToolBarArea, toolBar);

    // Every page at the new moment now, not at the next tick (followers come with the leader;
    // refreshNow does nothing for them).
    const QList<Sampler*> all = samplers;
    QObject::connect(bar, &ReplayBar::seekRequested, bar, [clock, all](double sec) {
        clock->seek(sec);
        for (Sampler* s : all)
            QMetaObject::invokeMethod(s, &Sampler::refreshNow, Qt::QueuedConnection);
    });
    QObject::connect(bar, &ReplayBar::playingChanged, bar,
        [clock](bool playing) { clock->setPlaying(playing); });
    QObject::connect(
        bar, &ReplayBar::speedChanged, bar, [clock](double speed) { clock->setSpeed(speed); });
    // The window's Pause (Space) pauses the replay too: nothing is played through unseen.
    QObject::connect(&window, &MainWindow::pausedChanged, bar, [bar, clock](bool paused) {
        if (!paused)
            return;
        clock->setPlaying(false);
        bar->showPlaying(false);
    });
    QObject::connect(
        &leader, &ProcessSampler::snapshotReady, bar, [bar, clock](ProcessSnapshotPtr snapshot) {
            // The sample's own time (at or before the clock); the clock's when it has none (an
            // archive without processes).
            const bool timed
                = snapshot && snapshot->takenAtUnixMs > 0 && snapshot->listError.empty();
            bar->showPosition(
                timed ? static_cast<double>(snapshot->takenAtUnixMs) / 1000.0 : clock->position());
            if (snapshot && snapshot->elapsedSeconds > 0)
                bar->setStepSeconds(snapshot->elapsedSeconds);
            bar->showPlaying(clock->state().playing);
        });
}

} // namespace pg
