// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The time slider of an archive replay (procglass --archive ARCHIVE): the archive's span on a
// slider, the moment shown (the sample's own time, local), play/pause, one step back or forward,
// and the speed. It only asks (seekRequested, playingChanged, speedChanged); whoever owns the
// replay clock answers, and showPosition() says which moment the pages show now. A drag seeks
// when the slider is let go, a click on its groove or a key at once.

#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace pg {

class ReplayBar final : public QWidget
{
    Q_OBJECT
public:
    // `startSec`, `endSec`: the archive's first and last timestamps (seconds since the epoch).
    ReplayBar(double startSec, double endSec, QWidget* parent = nullptr);

    // The moment the pages show: the slider follows unless the user holds it.
    void showPosition(double sec);
    // The replay's state as the clock has it (it stops by itself at the end).
    void showPlaying(bool playing);
    // The step of the back/forward buttons: the replay's refresh interval.
    void setStepSeconds(double sec);

    bool isPlaying() const { return m_playing; }
    double speed() const;
    double shownPosition() const { return m_position; }
    // "2026-12-01 12:30:05 (+00:12:05 of 01:00:00)": what the bar's label says for `sec`.
    QString positionText(double sec) const;

    static const QList<double>& speeds();

signals:
    void seekRequested(double sec);
    void playingChanged(bool playing);
    void speedChanged(double speed);

private:
    int toSlider(double sec) const;
    double fromSlider(int value) const;
    void requestSeek(double sec);

    double m_start;
    double m_end;
    double m_unitSec; // one slider step: 1 ms, or 1 s for archives longer than ~23 days
    double m_position;
    double m_stepSec = 1;
    bool m_playing = false;
    QSlider* m_slider;
    QLabel* m_label;
    QToolButton* m_play;
    QToolButton* m_back;
    QToolButton* m_forward;
    QComboBox* m_speed;
};

} // namespace pg
