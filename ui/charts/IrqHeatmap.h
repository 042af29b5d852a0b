// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A heatmap of interrupt rates, one row per IRQ and one column per CPU, readable with many CPUs:
// cells keep a fixed size and the view scrolls (row and column headers stay in place), or CPUs are
// grouped (sum of 2, 4, 8, ... adjacent columns). Never 256 squeezed columns. Hovering a cell
// shows its IRQ, CPU and value.

#include <QAbstractScrollArea>
#include <QStringList>
#include <vector>

namespace pg {

class IrqHeatmap final : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit IrqHeatmap(QWidget* parent = nullptr);

    // `values` is row-major: rows.size() x cpuIds.size(). `unit` names the values ("interrupts/s").
    void setData(const QStringList& rows, const std::vector<int>& cpuIds,
        const std::vector<double>& values, const QString& unit);
    // Columns per group: 1 shows every CPU; larger values sum adjacent CPUs.
    void setGroupSize(int cpus);
    int groupSize() const { return m_group; }

    int columnCount() const; // after grouping
    QString columnLabel(int column) const; // "CPU 5" or "CPU 8-15"
    double cellValue(int row, int column) const; // after grouping
    int rowCount() const { return static_cast<int>(m_rows.size()); }
    QString cellText(int row, int column) const; // the tooltip

    static constexpr int kCell = 16;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    void regroup();
    void updateScrollBars();
    bool cellAt(const QPoint& pos, int& row, int& column) const;

    QStringList m_rows;
    std::vector<int> m_cpuIds;
    std::vector<double> m_values; // raw
    std::vector<double> m_grouped; // rows x columnCount()
    QString m_unit;
    int m_group = 1;
    double m_max = 0;
    int m_rowHeader = 170;
    int m_columnHeader = 34;
};

} // namespace pg
