// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Coloured message labels without style sheets: a style sheet on any widget brings in Qt's CSS
// style (parser, per-widget rule cache; about 0.4 MiB of RSS for the first one) and re-parses on
// every setStyleSheet() call. A palette does the same job here.

#include <QColor>

class QLabel;

namespace pg {

enum class BannerTone {
    Error, // white on red: something cannot be shown
    Warning, // black on amber: shown, but stale or partial
    Note, // tooltip colours: how to read what is shown
};

// A full-width message strip: background, text colour and padding for `tone`.
void styleBanner(QLabel* label, BannerTone tone, int padding = 4);
// Only the text colour (an inline error or warning line).
void setTextColor(QLabel* label, const QColor& color);

inline const QColor kErrorText { 0xb0, 0x00, 0x20 };
inline const QColor kWarningText { 0xb0, 0x5a, 0x00 };

} // namespace pg
