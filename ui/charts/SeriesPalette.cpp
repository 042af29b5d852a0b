// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/SeriesPalette.h"

#include <QPalette>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace pg {

namespace {

// Okabe-Ito in an order that puts the strongest lines first (yellow, weak on white, last), then
// the dashed Tol "muted" extension.
constexpr QRgb kBase[SeriesPalette::kDistinctColours] = {
    0x0072b2, // blue
    0xd55e00, // vermillion
    0x009e73, // bluish green
    0xe69f00, // orange
    0xcc79a7, // reddish purple
    0x56b4e9, // sky blue
    0x000000, // black
    0xf0e442, // yellow
    0x332288, // Tol indigo
    0x882255, // Tol wine
    0x44aa99, // Tol teal
    0xcc6677, // Tol rose
    0xdddddd, // Tol pale grey (muted's "bad data" grey, darkened on light palettes)
};

double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

} // namespace

double SeriesPalette::contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor SeriesPalette::background(const QPalette& palette)
{
    return palette.color(QPalette::Window);
}

QColor SeriesPalette::colour(int slot, const QColor& background)
{
    const int i = slot < 0 ? 0 : slot % kDistinctColours;
    QColor c = QColor::fromRgb(kBase[i]);
    const bool dark = isDark(background);
    if (dark && i == 6)
        c = QColor(0xd0, 0xd0, 0xd0); // black on a dark window: a light grey in its place
    // Move away from the background in small lightness steps until the line reads (3:1).
    float h, s, l, a;
    c.getHslF(&h, &s, &l, &a);
    for (int step = 0; step < 40 && contrast(c, background) < 3.0; ++step) {
        l = std::clamp(l + (dark ? 0.02f : -0.02f), 0.0f, 1.0f);
        c = QColor::fromHslF(h, s, l, a);
    }
    return c.toRgb();
}

Qt::PenStyle SeriesPalette::penStyle(int slot)
{
    if (slot < 8)
        return Qt::SolidLine;
    return slot < kDistinctColours ? Qt::DashLine : Qt::DotLine;
}

int SeriesPalette::slotOf(const QColor& colour, const QColor& background)
{
    for (int i = 0; i < kDistinctColours; ++i) {
        if (SeriesPalette::colour(i, background).rgb() == colour.rgb())
            return i;
    }
    return -1;
}

QList<int> SeriesPalette::assign(const QStringList& keys)
{
    QHash<QString, int> kept;
    QSet<int> used;
    for (const QString& key : keys) {
        const auto it = m_slots.constFind(key);
        if (it != m_slots.cend()) {
            kept.insert(key, *it);
            used.insert(*it);
        }
    }
    QList<int> out;
    out.reserve(keys.size());
    int next = 0;
    for (const QString& key : keys) {
        auto it = kept.find(key);
        if (it == kept.end()) {
            while (used.contains(next))
                ++next;
            it = kept.insert(key, next);
            used.insert(next);
        }
        out << *it;
    }
    m_slots = kept;
    return out;
}

QList<QColor> SeriesPalette::colours(const QStringList& keys, const QColor& background)
{
    QList<QColor> out;
    for (int slot : assign(keys))
        out << colour(slot, background);
    return out;
}

} // namespace pg
