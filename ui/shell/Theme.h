// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// View > Theme: the desktop's look (System), or Qt's Fusion style with a light or a dark palette.
// A desktop without a dark theme of its own (a bare X session, a root shell under sudo) still gets
// a dark window this way. The choice is saved under "view/theme" and applied before the window is
// built; every page follows a change at once (charts and models read the application palette).

#include <QPalette>
#include <QString>
#include <optional>

namespace pg {

enum class Theme { System, Light, Dark };

QString themeKey(Theme theme); // "system", "light", "dark": the settings value
std::optional<Theme> themeFromKey(const QString& key);
QString themeTitle(Theme theme); // the menu text, with a mnemonic

// Fusion's dark palette: every role of every colour group, with text at 4.5:1 or better against
// its background (WCAG AA) and disabled text still readable.
QPalette darkPalette();

// Applies `theme` to the running application. The first call remembers the desktop's style and
// palette, so System restores them later.
void applyTheme(Theme theme);
Theme currentTheme();

// The saved theme (System when none is saved or the value is unknown), and saving one.
Theme savedTheme();
void saveTheme(Theme theme);

} // namespace pg
