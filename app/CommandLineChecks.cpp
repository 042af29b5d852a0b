// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandLineChecks.h"

#include "core/base/RefreshInterval.h"

namespace pg {

std::optional<int> parseIntervalArgMs(const QString& text)
{
    bool ok = false;
    const int ms = text.toInt(&ok); // false for text, a fraction or an int overflow
    if (!ok || !isRefreshIntervalMs(ms))
        return std::nullopt;
    return ms;
}

QString intervalArgProblem(const QString& option, const QString& text)
{
    return QStringLiteral("%1 takes milliseconds from %2 to %3, not '%4'")
        .arg(option)
        .arg(kMinRefreshIntervalMs)
        .arg(kMaxRefreshIntervalMs)
        .arg(oneLineText(text));
}

QString oneLineText(QString text)
{
    for (QChar& c : text) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char('?');
    }
    return text;
}

QString helpWithUsage(const QString& helpText, const QString& usage)
{
    const qsizetype endOfFirstLine = helpText.indexOf(QLatin1Char('\n'));
    return endOfFirstLine < 0 ? helpText : usage + helpText.mid(endOfFirstLine);
}

} // namespace pg
