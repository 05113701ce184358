// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProfileDialog.h"

#include "hotpath/loadgen/ProfileJson.h"

#include <QtCore/QDateTime>
#include <QtCore/QTimer>
#include <QtCore/QUrl>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QVBoxLayout>

namespace hotpath::ui {

namespace {

QString micros(std::int64_t ns) { return QString::fromStdString(metrics::formatLatency(ns)); }

} // namespace

ProfileDialog::ProfileDialog(const QString &url, const QString &path, QWidget *parent) : QDialog(parent), m_url(url)
{
    setWindowTitle(tr("Profile an endpoint"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_path = new QLineEdit(path);
    m_method = new QComboBox;
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"),
                        QStringLiteral("DELETE"), QStringLiteral("HEAD"), QStringLiteral("OPTIONS")});
    m_body = new QLineEdit;
    m_body->setPlaceholderText(tr("request body, e.g. {\"items\": [1, 2]} (sent as JSON when it looks like JSON)"));
    m_tiers = new QComboBox;
    m_tiers->addItems({tr("Both tiers"), QStringLiteral("interp"), QStringLiteral("jit")});
    m_connections = new QSpinBox;
    m_connections->setRange(1, 1000);
    m_connections->setValue(8);
    m_duration = new QDoubleSpinBox;
    m_duration->setRange(0.5, 600);
    m_duration->setValue(5);
    m_duration->setSuffix(tr(" s per tier"));
    m_rate = new QDoubleSpinBox;
    m_rate->setRange(0, 1e6);
    m_rate->setSpecialValueText(tr("as fast as possible"));
    m_rate->setSuffix(tr(" req/s"));
    form->addRow(tr("Method"), m_method);
    form->addRow(tr("Path"), m_path);
    form->addRow(tr("Body"), m_body);
    form->addRow(tr("Tiers"), m_tiers);
    form->addRow(tr("Connections"), m_connections);
    form->addRow(tr("Duration"), m_duration);
    form->addRow(tr("Constant rate"), m_rate);
    layout->addLayout(form);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    layout->addWidget(m_progress);
    m_result = new QLabel;
    m_result->setTextFormat(Qt::RichText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);
    auto *buttons = new QDialogButtonBox;
    m_startButton = buttons->addButton(tr("Start"), QDialogButtonBox::AcceptRole);
    m_cancelButton = buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    connect(m_startButton, &QPushButton::clicked, this, [this] { start(); });
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_running.valid()) {
            m_cancel = true; // the running tier stops; the dialog stays to show what it got
            m_queue.clear();
        } else {
            reject();
        }
    });
}

ProfileDialog::~ProfileDialog()
{
    m_cancel = true;
    if (m_running.valid())
        m_running.wait();
}

void ProfileDialog::start(double seconds)
{
    if (m_running.valid())
        return;
    if (seconds > 0)
        m_duration->setValue(seconds);
    m_seconds = m_duration->value();
    m_queue.clear();
    if (m_tiers->currentIndex() != 2)
        m_queue.push_back("interp");
    if (m_tiers->currentIndex() != 1)
        m_queue.push_back("jit");
    m_results.clear();
    m_finished = false;
    m_cancel = false;
    m_startButton->setEnabled(false);
    m_cancelButton->setText(tr("Cancel"));
    runNextTier();
}

void ProfileDialog::runNextTier()
{
    if (m_queue.empty()) {
        m_finished = true;
        std::uint64_t requests = 0;
        for (const auto &[tier, result] : m_results)
            requests += result.requests;
        m_progress->setFormat(tr("Done: %1 requests").arg(requests));
        m_startButton->setEnabled(true);
        m_cancelButton->setText(tr("Close"));
        m_progress->setValue(1000);
        m_result->setText(summary());
        Q_EMIT runFinished();
        return;
    }
    const std::string tier = m_queue.front();
    m_queue.erase(m_queue.begin());
    loadgen::LoadOptions options = loadOptions();
    options.headers.emplace_back("X-Hotpath-Tier", tier);
    options.cancel = &m_cancel;
    m_answered = 0;
    m_tierStarted = QDateTime::currentMSecsSinceEpoch();
    m_results.emplace_back(tier, loadgen::LoadResult{});
    m_running = std::async(std::launch::async, [this, options] {
        return loadgen::runLoad(options, [this](std::uint64_t answered, double) { m_answered = answered; });
    });
    QTimer::singleShot(100, this, &ProfileDialog::poll);
}

// The GUI thread looks at the running tier ten times a second; it never waits on it.
void ProfileDialog::poll()
{
    const int done = static_cast<int>(m_results.size()) - 1;
    const int total = done + 1 + static_cast<int>(m_queue.size());
    const double elapsed = static_cast<double>(QDateTime::currentMSecsSinceEpoch() - m_tierStarted) / 1000.0;
    m_progress->setValue(static_cast<int>(1000.0 * (done + std::min(1.0, elapsed / m_seconds)) / total));
    m_progress->setFormat(QStringLiteral("%1: %2 requests").arg(QString::fromStdString(m_results.back().first)).arg(m_answered.load()));
    if (m_running.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
        QTimer::singleShot(100, this, &ProfileDialog::poll);
        return;
    }
    m_results.back().second = m_running.get();
    m_running = {};
    runNextTier();
}

QString ProfileDialog::path() const { return m_path->text().trimmed(); }

void ProfileDialog::setRequest(const QString &method, const QString &body)
{
    if (const int at = m_method->findText(method); at >= 0)
        m_method->setCurrentIndex(at);
    m_body->setText(body);
}

loadgen::LoadOptions ProfileDialog::loadOptions() const
{
    loadgen::LoadOptions options;
    const QUrl url(m_url);
    options.host = url.host().toStdString();
    options.port = url.port(80);
    options.path = m_path->text().trimmed().toStdString();
    options.method = m_method->currentText().toStdString();
    options.body = m_body->text().toStdString();
    if (const QString body = m_body->text().trimmed(); body.startsWith(QLatin1Char('{')) || body.startsWith(QLatin1Char('[')))
        options.headers.emplace_back("Content-Type", "application/json");
    options.connections = m_connections->value();
    options.durationSeconds = m_seconds;
    options.rate = m_rate->value();
    return options;
}

std::string ProfileDialog::json() const { return loadgen::profileJson(loadOptions(), m_results); }

QString ProfileDialog::summary() const
{
    QString html = QStringLiteral("<table cellspacing=6><tr><th align=left>tier</th><th>requests</th><th>req/s</th><th>p50</th>"
                                  "<th>p99</th><th>p99.9</th><th>errors</th></tr>");
    for (const auto &[tier, r] : m_results)
        html += QStringLiteral("<tr><td>%1</td><td align=right>%2</td><td align=right>%3</td><td align=right>%4</td>"
                               "<td align=right>%5</td><td align=right>%6</td><td align=right>%7</td></tr>")
                    .arg(QString::fromStdString(tier))
                    .arg(r.requests)
                    .arg(r.requestsPerSecond(), 0, 'f', 0)
                    .arg(micros(r.latency.percentileNs(50)), micros(r.latency.percentileNs(99)), micros(r.latency.percentileNs(99.9)))
                    .arg(r.non2xx + r.socketErrors);
    html += QStringLiteral("</table>");
    // A speed-up of failures means nothing: most requests of a tier failing is the news.
    for (const auto &[tier, r] : m_results)
        if (r.requests > 0 && 2 * (r.non2xx + r.socketErrors) > r.requests)
            return html + tr("<p><b>Most %1 requests failed</b> (%2 of %3): check the method, path and body. No speed-up is "
                             "reported.</p>")
                              .arg(QString::fromStdString(tier))
                              .arg(r.non2xx + r.socketErrors)
                              .arg(r.requests);
    if (m_results.size() == 2 && m_results[0].second.requestsPerSecond() > 0 && m_results[1].second.latency.percentileNs(50) > 0)
        html += tr("<p>JIT: <b>%1x</b> the interpreter's requests/s, p50 %2x lower.</p>")
                    .arg(m_results[1].second.requestsPerSecond() / m_results[0].second.requestsPerSecond(), 0, 'f', 2)
                    .arg(static_cast<double>(m_results[0].second.latency.percentileNs(50))
                             / static_cast<double>(m_results[1].second.latency.percentileNs(50)),
                         0, 'f', 2);
    return html;
}

} // namespace hotpath::ui
