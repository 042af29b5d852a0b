// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The contract every page of the main window follows. A page is a widget that also says what it
// is (id, title), where its data comes from (a Sampler in the sampler thread), which tables it
// exports and which actions it offers. MainWindow knows pages only through this interface: it
// drives every page's source the same way (refresh interval, pause, F5, and, for sources that
// read only what is on screen, active while the page is shown) and builds the tabs, the page
// menus and File > Export from it. app/Pages.cpp creates the pages, registers them and connects
// the jumps from one page to another; no page includes another page or the window.

#include "ui/shell/ExportDialog.h"

#include <QList>
#include <QString>

class QAction;
class QSettings;
class QWidget;

namespace pg {

class Sampler;

// What a page may ask of the window it is shown in (the window implements it).
class PageHost
{
public:
    virtual bool showPage(const QString& id) = 0; // false: no such page
    virtual void showStatusMessage(const QString& text, int timeoutMs) = 0;
    virtual void addStatusWidget(QWidget* widget) = 0; // permanent, at the right of the status bar
    // The counts shown at the left of the status bar ("212 processes, 480 threads") and the
    // sampler's cost at the right; the window adds the refresh state.
    virtual void setStatus(const QString& counts, const QString& cost) = 0;
    virtual void refreshNow() = 0;

protected:
    ~PageHost() = default;
};

class Page
{
public:
    virtual ~Page() = default;

    virtual QString pageId() const = 0; // "memory": --page, the settings, export file names
    virtual QString pageTitle() const = 0; // the tab: "&Memory map"
    virtual QWidget* pageWidget() = 0;
    // The sampler that feeds the page (it lives in the sampler thread: call it through queued
    // connections only), or nullptr (tests, a page without live data).
    virtual Sampler* pageSource() const = 0;
    // True: the source reads only while the page is on screen (smaps takes the target's mmap
    // lock, so nothing is read for a map nobody looks at).
    virtual bool samplesOnlyWhileShown() const { return false; }
    // The interval the source should use when the window's refresh interval is `windowMs`.
    virtual int sourceIntervalMs(int windowMs) const { return windowMs; }
    // The tables File > Export snapshot... writes for this page, from what the page holds.
    virtual QList<ExportSource> pageExports() = 0;
    // Actions the page offers: shown in a menu of their own named pageMenuTitle() (before Help)
    // and active, with their shortcuts, whatever page is shown.
    virtual QList<QAction*> pageActions() { return {}; }
    virtual QString pageMenuTitle() const { return {}; }
    // Called once when the window adds the page, before any snapshot arrives.
    virtual void attachHost(PageHost& host) { Q_UNUSED(host); }
    // The refresh interval, for pages that draw time axes or keep a history.
    virtual void setIntervalMs(int ms) { Q_UNUSED(ms); }
    // Column and splitter layout in the settings, under `prefix` ("pages/<id>/"). The default
    // saves every named QSplitter and every named item view's header.
    virtual void saveLayout(QSettings& settings, const QString& prefix) const;
    virtual void restoreLayout(QSettings& settings, const QString& prefix);

protected:
    Page() = default;

private:
    const QWidget* constWidget() const { return const_cast<Page*>(this)->pageWidget(); }
};

// A page that is only a widget (tests, a static page): no source, no exports.
class PlainPage final : public Page
{
public:
    PlainPage(QString id, QString title, QWidget* widget);
    QString pageId() const override { return m_id; }
    QString pageTitle() const override { return m_title; }
    QWidget* pageWidget() override { return m_widget; }
    Sampler* pageSource() const override { return nullptr; }
    QList<ExportSource> pageExports() override { return {}; }

private:
    QString m_id;
    QString m_title;
    QWidget* m_widget;
};

} // namespace pg
