// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The System overview's "Summary" tab: procinfo's figures (memory, boot time and uptime, load,
// CPU time by state, context switches, forks, paging and swapping) and the kernel version, each
// with a tooltip naming its source file and field. A section whose file cannot be read says which
// file and why; the others keep working.

#include "core/system/SystemOverview.h"
#include "ui/common/Banner.h"

#include <QHash>
#include <QWidget>
#include <memory>

class QComboBox;
class QGridLayout;
class QGroupBox;
class QLabel;

namespace pg {

class OverviewSummaryWidget final : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewSummaryWidget(QWidget* parent = nullptr);

    void apply(std::shared_ptr<const SystemOverview> overview);

    // For tests: the text a figure shows, by name ("memory.total", "cpu.user.time", ...).
    QString figureText(const QString& name) const;
    QString sectionError(const QString& section) const;
    // Every section as text, a line per row and a tab between cells: what "Copy summary" copies.
    QString summaryText() const;

signals:
    // A link to another page ("interrupts" for the per-IRQ totals) was clicked.
    void pageLinkActivated(const QString& pageId);

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    QLabel* figure(const QString& name, QGridLayout* grid, int row, int column, const QString& tip);
    QGroupBox* section(const QString& name, const QString& title, QGridLayout*& grid);
    void setText(const QString& name, const QString& text);
    static QString copyText(const QLabel* label);
    void setSectionError(
        const QString& section, const QStringList& problems, TextTone tone = TextTone::Error);
    void applyMemory(const SystemOverview& o);
    void applySystem(const SystemOverview& o);
    void applyCpu(const SystemOverview& o);
    void applyPaging(const SystemOverview& o);
    void applyKernel(const SystemOverview& o);

    QHash<QString, QLabel*> m_figures;
    QHash<QString, QLabel*> m_errors;
    QComboBox* m_cpuChoice = nullptr;
    QLabel* m_versionText = nullptr;
    std::shared_ptr<const SystemOverview> m_last;
};

} // namespace pg
