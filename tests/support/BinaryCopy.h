// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A copy of the procglass binary in a fresh 0755 folder under /tmp, for tests that run it as
// another user (nobody): that user may not be able to reach the build folder at all (a checkout
// in root's 0700 home folder). The binary links the project's libraries statically and finds Qt
// in the system's library folders (no RPATH into the build folder), so the copy runs on its own.

#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace pgtest {

class BinaryCopy final
{
public:
    BinaryCopy()
        : m_dir(QStringLiteral("/tmp/procglass-test-XXXXXX"))
    {
        const QFile::Permissions open = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
            | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;
        m_path = m_dir.filePath(QStringLiteral("procglass"));
        m_ok = m_dir.isValid() && QFile::setPermissions(m_dir.path(), open)
            && QFile::copy(QStringLiteral(PROCGLASS_BINARY_DIR "/app/procglass"), m_path)
            && QFile::setPermissions(m_path, open);
    }

    bool isValid() const { return m_ok; }
    // The binary, and a 0755 folder for the test's own files (every user may enter it).
    QString path() const { return m_path; }
    QString folder() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    QString m_path;
    bool m_ok = false;
};

} // namespace pgtest
