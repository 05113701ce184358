// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Profile an endpoint: the same load on each tier in turn (the core load generator on a
// thread of its own), a progress bar and Cancel. The server records every request, so the
// latency panel fills while it runs; the dialog ends with the side-by-side summary.

#include "hotpath/loadgen/LoadGenerator.h"

#include <QtWidgets/QDialog>

#include <atomic>
#include <future>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QComboBox;

namespace hotpath::ui {

class ProfileDialog : public QDialog
{
    Q_OBJECT

public:
    ProfileDialog(const QString &url, const QString &path, QWidget *parent = nullptr);
    ~ProfileDialog() override;

    // Starts the run as the Start button does (for tests); `seconds` per tier.
    void start(double seconds = 0);
    bool finished() const { return m_finished; }
    QString summary() const;
    QString path() const;
    // The method (from the endpoint's: a POST endpoint is profiled with POSTs) and body.
    void setRequest(const QString &method, const QString &body = {});
    // Per tier ("interp", "jit"), the load generator's view of the last run.
    const std::vector<std::pair<std::string, loadgen::LoadResult>> &results() const { return m_results; }
    // The run as `hotpath bench --json` writes it (loadgen::profileJson): one schema for the
    // project's .hotpath/last-profile.json, the report export and the latency export.
    std::string json() const;

Q_SIGNALS:
    void runFinished();

private:
    void poll();
    void runNextTier();
    loadgen::LoadOptions loadOptions() const; // the run's settings, before the tier header

    QString m_url;
    QLineEdit *m_path;
    QComboBox *m_method;
    QLineEdit *m_body;
    QComboBox *m_tiers;
    QSpinBox *m_connections;
    QDoubleSpinBox *m_duration;
    QDoubleSpinBox *m_rate;
    QProgressBar *m_progress;
    QLabel *m_result;
    QPushButton *m_startButton;
    QPushButton *m_cancelButton;
    std::atomic<bool> m_cancel{false};
    std::atomic<std::uint64_t> m_answered{0};
    std::future<loadgen::LoadResult> m_running;
    std::vector<std::string> m_queue;
    std::vector<std::pair<std::string, loadgen::LoadResult>> m_results;
    double m_seconds = 0;
    qint64 m_tierStarted = 0;
    bool m_finished = false;
};

} // namespace hotpath::ui
