// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared helpers for the Qt Test executables.

#include <QFile>
#include <QString>
#include <string>

namespace pgtest {

// The bytes of tests/data/<relative>, exactly (fixtures may hold NULs and invalid UTF-8).
inline std::string fixture(const QString& relative)
{
    QFile file(QStringLiteral(PROCGLASS_TEST_DATA "/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    const QByteArray bytes = file.readAll();
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

inline QString fixturePath(const QString& relative)
{
    return QStringLiteral(PROCGLASS_TEST_DATA "/") + relative;
}

} // namespace pgtest
