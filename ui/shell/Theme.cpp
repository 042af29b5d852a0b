// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/Theme.h"

#include <QApplication>
#include <QCoreApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace pg {

namespace {

const QString kSettingsKey = QStringLiteral("view/theme");

struct DesktopLook
{
    bool captured = false;
    QString styleName;
    QPalette palette;
};

DesktopLook& desktopLook()
{
    static DesktopLook look;
    return look;
}

Theme& current()
{
    static Theme theme = Theme::System;
    return theme;
}

void setFusion()
{
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
}

} // namespace

QString themeKey(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

std::optional<Theme> themeFromKey(const QString& key)
{
    for (Theme t : { Theme::System, Theme::Light, Theme::Dark }) {
        if (themeKey(t) == key)
            return t;
    }
    return std::nullopt;
}

QString themeTitle(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QCoreApplication::translate("Theme", "&Light (Fusion)");
    case Theme::Dark:
        return QCoreApplication::translate("Theme", "&Dark (Fusion)");
    case Theme::System:
        break;
    }
    return QCoreApplication::translate("Theme", "&System");
}

QPalette darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor alternate(0x27, 0x29, 0x2c);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x8a, 0x8d, 0x91);
    const QColor button(0x35, 0x37, 0x3b);
    const QColor highlight(0x2f, 0x6f, 0xb6);

    QPalette p(button, window);
    for (QPalette::ColorGroup g : { QPalette::Active, QPalette::Inactive, QPalette::Disabled }) {
        const bool disabled = g == QPalette::Disabled;
        const QColor fg = disabled ? disabledText : text;
        p.setColor(g, QPalette::Window, window);
        p.setColor(g, QPalette::WindowText, fg);
        p.setColor(g, QPalette::Base, disabled ? window : base);
        p.setColor(g, QPalette::AlternateBase, alternate);
        p.setColor(g, QPalette::Text, fg);
        p.setColor(g, QPalette::PlaceholderText, QColor(0x9e, 0xa2, 0xa7));
        p.setColor(g, QPalette::Button, button);
        p.setColor(g, QPalette::ButtonText, fg);
        p.setColor(g, QPalette::BrightText, QColor(0xff, 0x8a, 0x80));
        p.setColor(g, QPalette::Light, QColor(0x4a, 0x4d, 0x52));
        p.setColor(g, QPalette::Midlight, QColor(0x3e, 0x41, 0x45));
        p.setColor(g, QPalette::Mid, QColor(0x5a, 0x5d, 0x62));
        p.setColor(g, QPalette::Dark, QColor(0x18, 0x19, 0x1b));
        p.setColor(g, QPalette::Shadow, QColor(0x0c, 0x0c, 0x0d));
        p.setColor(g, QPalette::Highlight, disabled ? QColor(0x44, 0x47, 0x4c) : highlight);
        p.setColor(g, QPalette::HighlightedText, disabled ? disabledText : QColor(Qt::white));
        p.setColor(g, QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
        p.setColor(g, QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9));
        p.setColor(g, QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x43));
        p.setColor(g, QPalette::ToolTipText, text);
    }
    return p;
}

void applyTheme(Theme theme)
{
    DesktopLook& look = desktopLook();
    if (!look.captured) {
        look.captured = true;
        look.styleName = QApplication::style()->name();
        look.palette = QApplication::palette();
    }
    if (theme == current() && theme == Theme::System)
        return; // at start-up: the desktop's look is already in place
    current() = theme;
    switch (theme) {
    case Theme::System:
        if (QApplication::style()->name() != look.styleName)
            QApplication::setStyle(QStyleFactory::create(look.styleName));
        QApplication::setPalette(look.palette);
        return;
    case Theme::Light:
        setFusion();
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    case Theme::Dark:
        setFusion();
        QApplication::setPalette(darkPalette());
        return;
    }
}

Theme currentTheme()
{
    return current();
}

Theme savedTheme()
{
    return themeFromKey(QSettings().value(kSettingsKey).toString()).value_or(Theme::System);
}

void saveTheme(Theme theme)
{
    QSettings().setValue(kSettingsKey, themeKey(theme));
}

} // namespace pg
