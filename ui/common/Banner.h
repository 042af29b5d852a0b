// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Coloured message labels without style sheets: a style sheet on any widget brings in Qt's CSS
// style (parser, per-widget rule cache; about 0.4 MiB of RSS for the first one) and re-parses on
// every setStyleSheet() call. A palette does the same job here.
//
// Every colour follows the palette: the labels styled here restyle themselves when the application
// palette changes (View > Theme), and on a dark palette the text tones are light enough to read
// (4.5:1 against the window or base colour, as the test checks).

#include <QColor>
#include <QPalette>

class QLabel;

namespace pg {

enum class BannerTone {
    Error, // white on red: something cannot be shown
    Warning, // black on amber: shown, but stale or partial
    Note, // tooltip colours: how to read what is shown
};

enum class TextTone {
    Error, // a line that says what could not be read
    Warning, // a finding worth a look (an unbalanced IRQ, a deleted file still open)
    Dim, // a secondary note
};

// A full-width message strip: background, text colour and padding for `tone`.
void styleBanner(QLabel* label, BannerTone tone, int padding = 4);
// Only the text colour (an inline error, warning or note line).
void setTextTone(QLabel* label, TextTone tone);
// The colour of `tone` on `palette`'s window and base colours (for item models' ForegroundRole
// and rich text).
QColor toneColor(TextTone tone, const QPalette& palette);

} // namespace pg
