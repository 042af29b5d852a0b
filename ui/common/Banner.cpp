// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/Banner.h"

#include <QLabel>
#include <QPalette>

namespace pg {

void styleBanner(QLabel* label, BannerTone tone, int padding)
{
    QPalette p = label->palette();
    switch (tone) {
    case BannerTone::Error:
        p.setColor(QPalette::Window, QColor(0xb3, 0x26, 0x1e));
        p.setColor(QPalette::WindowText, Qt::white);
        break;
    case BannerTone::Warning:
        p.setColor(QPalette::Window, QColor(0xf2, 0xd6, 0x75));
        p.setColor(QPalette::WindowText, Qt::black);
        break;
    case BannerTone::Note:
        p.setColor(QPalette::Window, p.color(QPalette::ToolTipBase));
        p.setColor(QPalette::WindowText, p.color(QPalette::ToolTipText));
        break;
    }
    label->setPalette(p);
    label->setAutoFillBackground(true);
    label->setMargin(padding);
}

void setTextColor(QLabel* label, const QColor& color)
{
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, color);
    label->setPalette(p);
}

} // namespace pg
