// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The details panel's Overview for a process of a PCP host or recording: the fields pmdaproc has
// (proc.psinfo.*, proc.id.*, proc.memory.*, proc.io.*, proc.fd.count, proc.smaps.*), each with the
// metric it comes from in its tooltip, and "– (why)" for a value the host lacks, refuses or did
// not give for this process: never a 0 in its place.

#include "core/pcp/PcpProcessDetails.h"
#include "ui/details/DetailFieldForm.h"

#include <QScrollArea>

class QLabel;

namespace pg {

class PcpDetailsView final : public QScrollArea
{
    Q_OBJECT
public:
    explicit PcpDetailsView(QWidget* parent = nullptr);

    void setDetails(const PcpProcessDetails& details);
    // A field's text ("pid", "parent", "user", "memory", "smaps", "io", "fds", ...), for tests
    // and copying.
    QString field(const QString& id) const;

signals:
    void parentRequested(int pid);

private:
    void setField(const QString& id, const QString& text);

    DetailFieldForm m_fields;
    QLabel* m_note;
};

} // namespace pg
