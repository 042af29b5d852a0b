// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Memory map page for a process of a PCP host or recording: the process's smaps totals
// (proc.smaps.*, the kernel's smaps_rollup as pmdaproc reads it) and VIRT/RES/SHR, each explained
// in a line, with the reason the per-mapping list is not there. Missing values say why.

#include "core/pcp/PcpProcessDetails.h"

#include <QWidget>
#include <vector>

class QLabel;

namespace pg {

class MapTotalsView final : public QWidget
{
    Q_OBJECT
public:
    // `why`: the line saying why the mapping-by-mapping list is not shown.
    explicit MapTotalsView(const QString& why, QWidget* parent = nullptr);

    void setDetails(const PcpProcessDetails& details);
    // A row's value text ("Rss", "Pss", "Pss_Anon", "USS", "Swap", "VIRT", ...): "–" when PCP
    // gave none; then note() is the reason instead of the row's meaning. For tests.
    QString value(const QString& name) const;
    QString note(const QString& name) const;
    bool rowShown(const QString& name) const;
    QString whyText() const;
    // Shown instead of the smaps rows when the host or recording gave none of them: the reason.
    QString smapsMessage() const;

private:
    struct Row
    {
        QString name;
        QString meaning;
        bool smaps = false;
        std::vector<QLabel*> labels; // name, value, metric
        QLabel* value = nullptr;
        QLabel* meaningLabel = nullptr;
        QLabel* reasonLabel = nullptr; // in the meaning's place when there is no value
    };
    void setRow(Row& row, const PcpDetail<std::uint64_t>& value, bool shown);

    std::vector<Row> m_rows;
    QLabel* m_why;
    QLabel* m_smapsMessage;
    QLabel* m_note;
};

} // namespace pg
