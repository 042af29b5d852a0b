// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What `procglass` and `procglass export` share on their command lines: the same interval bounds
// as the window, one-line messages, and a help text that names the program (QCommandLineParser
// says "Usage: <executable_name>" when there is no QCoreApplication yet, and we parse before
// creating one).

#include <QString>
#include <optional>

namespace pg {

// --interval MS: whole milliseconds from kMinRefreshIntervalMs to kMaxRefreshIntervalMs (see
// RefreshInterval.h); nothing for anything else (text, a negative, an overflowing number).
std::optional<int> parseIntervalArgMs(const QString& text);
// "--interval takes milliseconds from 100 to 3600000, not '<text>'".
QString intervalArgProblem(const QString& option, const QString& text);

// `text` with every control character replaced by '?', so that an error stays one line.
QString oneLineText(QString text);

// `helpText` (QCommandLineParser::helpText()) with its first line replaced by `usage`.
QString helpWithUsage(const QString& helpText, const QString& usage);

} // namespace pg
