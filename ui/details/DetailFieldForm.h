// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Overview's fields, for the local details panel and the PCP one alike: two columns of
// "Label:" and a selectable, word-wrapped value, each with its tooltip, found by id. The "parent"
// field is rich text: its link "pid:N" asks for process N.

#include <QString>
#include <functional>
#include <span>
#include <utility>
#include <vector>

class QHBoxLayout;
class QLabel;
class QWidget;

namespace pg {

class DetailFieldForm final
{
public:
    struct Def
    {
        const char* id;
        QString label;
        QString tip;
    };

    DetailFieldForm() = default;
    // Adds two form columns to `columns` and a row per def, the first `firstColumnRows` in the
    // left column; the labels are children of `parent`. A click on the parent's link calls
    // `parentRequested` with its pid.
    DetailFieldForm(std::span<const Def> defs, QWidget* parent, QHBoxLayout* columns,
        int firstColumnRows, const std::function<void(int)>& parentRequested);

    // A field's text, plain (the parent's link as its words); empty for an unknown id.
    QString text(const QString& id) const;
    // Sets a field's text and, unless `toolTip` is empty, its tooltip.
    void setText(const QString& id, const QString& text, const QString& toolTip = {});

private:
    QLabel* find(const QString& id) const;

    std::vector<std::pair<QString, QLabel*>> m_fields;
};

} // namespace pg
