// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/Banner.h"

#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QPalette>

namespace pg {

namespace {

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor blend(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
        static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
        static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}

// Restyles its label whenever the label's palette changes from outside (a theme switch), from the
// application palette, so the label's own earlier choice does not feed back.
class ToneKeeper final : public QObject
{
public:
    ToneKeeper(QLabel* label, bool banner, int tone, int padding)
        : QObject(label)
        , m_label(label)
        , m_banner(banner)
        , m_tone(tone)
        , m_padding(padding)
    {
        label->installEventFilter(this);
    }

    void set(bool banner, int tone, int padding)
    {
        if (m_applied && banner == m_banner && tone == m_tone && padding == m_padding)
            return; // the same tone again (every refresh): no new palette, no repaint
        m_applied = true;
        m_banner = banner;
        m_tone = tone;
        m_padding = padding;
        apply();
    }

    void apply()
    {
        if (m_applying)
            return;
        m_applying = true;
        const QPalette base = m_label->parentWidget() ? m_label->parentWidget()->palette()
                                                      : QApplication::palette(m_label);
        QPalette p = base;
        if (m_banner) {
            switch (static_cast<BannerTone>(m_tone)) {
            case BannerTone::Error:
                p.setColor(QPalette::Window, QColor(0xb3, 0x26, 0x1e));
                p.setColor(QPalette::WindowText, Qt::white);
                break;
            case BannerTone::Warning:
                p.setColor(QPalette::Window, QColor(0xf2, 0xd6, 0x75));
                p.setColor(QPalette::WindowText, Qt::black);
                break;
            case BannerTone::Note:
                p.setColor(QPalette::Window, base.color(QPalette::ToolTipBase));
                p.setColor(QPalette::WindowText, base.color(QPalette::ToolTipText));
                break;
            }
            m_label->setAutoFillBackground(true);
            m_label->setMargin(m_padding);
        } else {
            p.setColor(QPalette::WindowText, toneColor(static_cast<TextTone>(m_tone), base));
        }
        m_label->setPalette(p);
        m_applying = false;
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_label
            && (event->type() == QEvent::PaletteChange || event->type() == QEvent::ParentChange))
            apply();
        return false;
    }

private:
    QLabel* m_label;
    bool m_banner;
    int m_tone;
    int m_padding;
    bool m_applying = false;
    bool m_applied = false; // set() has applied a tone once
};

void keepTone(QLabel* label, bool banner, int tone, int padding)
{
    auto* keeper = label->findChild<ToneKeeper*>(QString(), Qt::FindDirectChildrenOnly);
    if (!keeper)
        keeper = new ToneKeeper(label, banner, tone, padding);
    keeper->set(banner, tone, padding);
}

} // namespace

QColor toneColor(TextTone tone, const QPalette& palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case TextTone::Error:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
    case TextTone::Warning:
        return dark ? QColor(0xf2, 0xb8, 0x4b) : QColor(0x9a, 0x4f, 0x00);
    case TextTone::Dim:
        break;
    }
    return blend(palette.color(QPalette::WindowText), palette.color(QPalette::Window), 0.35);
}

void styleBanner(QLabel* label, BannerTone tone, int padding)
{
    keepTone(label, true, static_cast<int>(tone), padding);
}

void setTextTone(QLabel* label, TextTone tone)
{
    keepTone(label, false, static_cast<int>(tone), 0);
}

} // namespace pg
