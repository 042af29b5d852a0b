// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Colours for chart series that stay apart for colour-blind readers and on dark palettes, and a
// slot per key so a series keeps its colour while it is charted.
//
// Slots 0-7 are Okabe & Ito's "Color Universal Design" palette (Okabe, Ito 2008,
// https://jfly.uni-koeln.de/color/), chosen to stay distinct under the common colour-vision
// deficiencies. Slots 8-12 extend it with five colours of Paul Tol's "muted" scheme
// (https://personal.sron.nl/~pault/: indigo, wine, teal, rose, grey) drawn as dashed lines, since
// no set of 13 hues stays apart for everyone; from slot 13 the colours repeat, dotted. Every colour
// is adjusted to the background: its HSL lightness moves away from the background's until it has
// WCAG 2.1's 3:1 contrast for graphics (black becomes a light grey on a dark palette, yellow and
// orange darken on white).

#include <QColor>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <Qt>

class QPalette;

namespace pg {

class SeriesPalette final
{
public:
    static constexpr int kDistinctColours = 13;

    // The colour of slot `slot` on `background` (a chart draws on its palette's Window colour).
    static QColor colour(int slot, const QColor& background);
    // The line style a colour from colour() is drawn with: solid, dashed (the extension) or dotted.
    static Qt::PenStyle penStyle(int slot);
    // The slot whose colour on `background` is `colour`, -1 for a colour from elsewhere.
    static int slotOf(const QColor& colour, const QColor& background);
    static QColor background(const QPalette& palette);
    static bool isDark(const QColor& background) { return background.lightnessF() < 0.5; }
    // WCAG 2.1 contrast ratio of two colours, 1..21.
    static double contrast(const QColor& a, const QColor& b);

    // Slots for the keys charted now: a key charted before keeps its slot; a new key takes the
    // lowest slot no charted key holds, so two charted keys never share a colour (up to
    // kDistinctColours of them). Keys no longer charted free their slots.
    QList<int> assign(const QStringList& keys);
    QList<QColor> colours(const QStringList& keys, const QColor& background);

private:
    QHash<QString, int> m_slots;
};

} // namespace pg
