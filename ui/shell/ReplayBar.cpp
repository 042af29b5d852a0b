// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/ReplayBar.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <algorithm>
#include <cmath>

namespace pg {

namespace {

QString clockText(double seconds)
{
    const auto s = static_cast<qint64>(std::llround(std::max(0.0, seconds)));
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600, 2, 10, QLatin1Char('0'))
        .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

const QList<double>& ReplayBar::speeds()
{
    static const QList<double> list { 0.5, 1, 2, 5, 10, 30, 60, 300, 3600 };
    return list;
}

ReplayBar::ReplayBar(double startSec, double endSec, QWidget* parent)
    : QWidget(parent)
    , m_start(startSec)
    , m_end(std::max(startSec, endSec))
    , m_unitSec(m_end - m_start <= 2e6 ? 0.001 : 1.0)
    , m_position(startSec)
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_label(new QLabel(this))
    , m_play(new QToolButton(this))
    , m_back(new QToolButton(this))
    , m_forward(new QToolButton(this))
    , m_speed(new QComboBox(this))
{
    setObjectName(QStringLiteral("replayBar"));
    m_slider->setObjectName(QStringLiteral("replaySlider"));
    m_slider->setRange(0, toSlider(m_end));
    m_slider->setToolTip(tr("The moment of the recording the pages show: drag, click or use the "
                            "arrow keys to go to another"));
    m_slider->setAccessibleName(tr("Replay position"));
    m_play->setObjectName(QStringLiteral("replayPlay"));
    m_back->setObjectName(QStringLiteral("replayBack"));
    m_forward->setObjectName(QStringLiteral("replayForward"));
    m_speed->setObjectName(QStringLiteral("replaySpeed"));
    m_back->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    m_forward->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_back->setToolTip(tr("One refresh interval back"));
    m_forward->setToolTip(tr("One refresh interval forward"));
    m_back->setAccessibleName(tr("Step back"));
    m_forward->setAccessibleName(tr("Step forward"));
    for (double s : speeds())
        m_speed->addItem(QStringLiteral("%1\u00d7").arg(s), s);
    m_speed->setCurrentIndex(static_cast<int>(speeds().indexOf(1.0)));
    m_speed->setToolTip(tr("Replay speed: recorded seconds per second"));
    m_speed->setAccessibleName(tr("Replay speed"));
    m_label->setObjectName(QStringLiteral("replayPosition"));
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    showPlaying(false);

    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(6, 2, 6, 2);
    row->addWidget(m_back);
    row->addWidget(m_play);
    row->addWidget(m_forward);
    row->addWidget(m_slider, 1);
    row->addWidget(m_label);
    row->addWidget(m_speed);

    connect(m_play, &QToolButton::clicked, this, [this] {
        showPlaying(!m_playing);
        emit playingChanged(m_playing);
    });
    connect(m_back, &QToolButton::clicked, this, [this] { requestSeek(m_position - m_stepSec); });
    connect(
        m_forward, &QToolButton::clicked, this, [this] { requestSeek(m_position + m_stepSec); });
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] { emit speedChanged(speed()); });
    // While dragged: the label follows, the seek waits for the release.
    connect(m_slider, &QSlider::sliderMoved, this,
        [this](int value) { m_label->setText(positionText(fromSlider(value))); });
    connect(m_slider, &QSlider::sliderReleased, this,
        [this] { requestSeek(fromSlider(m_slider->value())); });
    connect(m_slider, &QSlider::actionTriggered, this, [this](int action) {
        if (action != QAbstractSlider::SliderMove) // a click on the groove, a key: at once
            requestSeek(fromSlider(m_slider->sliderPosition()));
    });
    showPosition(startSec);
}

int ReplayBar::toSlider(double sec) const
{
    const double units = (std::clamp(sec, m_start, m_end) - m_start) / m_unitSec;
    return static_cast<int>(std::llround(units));
}

double ReplayBar::fromSlider(int value) const
{
    return std::min(m_end, m_start + value * m_unitSec);
}

void ReplayBar::requestSeek(double sec)
{
    sec = std::clamp(sec, m_start, m_end);
    m_label->setText(positionText(sec));
    emit seekRequested(sec);
}

void ReplayBar::showPosition(double sec)
{
    m_position = std::clamp(sec, m_start, m_end);
    if (m_slider->isSliderDown())
        return; // the user holds it: it shows where the user is going
    const QSignalBlocker quiet(m_slider);
    m_slider->setValue(toSlider(m_position));
    m_label->setText(positionText(m_position));
}

void ReplayBar::showPlaying(bool playing)
{
    m_playing = playing;
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setToolTip(playing ? tr("Pause the replay") : tr("Play the recording from here"));
    m_play->setAccessibleName(playing ? tr("Pause") : tr("Play"));
}

void ReplayBar::setStepSeconds(double sec)
{
    if (std::isfinite(sec) && sec > 0)
        m_stepSec = sec;
}

double ReplayBar::speed() const
{
    return m_speed->currentData().toDouble();
}

QString ReplayBar::positionText(double sec) const
{
    const QDateTime when
        = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(std::llround(sec * 1000)));
    return tr("%1 (+%2 of %3)")
        .arg(when.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), clockText(sec - m_start),
            clockText(m_end - m_start));
}

} // namespace pg
