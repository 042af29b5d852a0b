// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Each CPU's share of the selected interrupts, side by side: one line per CPU that takes any of
// them, one horizontal bar per selected IRQ, labelled with its percentage. Only CPUs with a share
// are listed, so the widget stays readable on a 256-CPU machine (it scrolls when needed).

#include <QColor>
#include <QStringList>
#include <QWidget>
#include <vector>

namespace pg {

class DistributionBars final : public QWidget
{
    Q_OBJECT
public:
    struct Group
    {
        QString name; // "IRQ 24 nvme0q0"
        std::vector<double> perCpu; // aligned with cpuIds
    };

    explicit DistributionBars(QWidget* parent = nullptr);

    void setData(const std::vector<int>& cpuIds, std::vector<Group> groups, const QString& basis);

    // CPUs listed (those taking any share), in order; share of group g on the i-th listed CPU.
    const std::vector<int>& listedCpus() const { return m_listed; }
    double share(int group, int listedIndex) const;
    int groupCount() const { return static_cast<int>(m_groups.size()); }
    static QColor groupColor(int group);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int rowHeight() const;

    std::vector<int> m_cpuIds;
    std::vector<Group> m_groups;
    std::vector<int> m_listed; // indexes into m_cpuIds
    std::vector<std::vector<double>> m_shares; // [group][listed]
    QString m_basis;
};

} // namespace pg
