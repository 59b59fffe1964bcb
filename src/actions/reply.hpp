// Answering tickets (DESIGN.md 5 and 6): a rendered reply made ready to go, recorded
// whole in one transaction, and handed to sendmail through the outbox so that no
// failure loses a reply and none is sent twice.
#pragma once

#include "actions/tickets.hpp"
#include "core/config.hpp"
#include "mail/outgoing.hpp"
#include "mail/sendmail.hpp"
#include "routing/rules.hpp"
#include "templates/reply_context.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tkt {

// Returns who replies: `configured` (config.toml's agent), or with `as` another login,
// named as routing.toml's `team` lists them; either way `vars` agent.full_name and
// agent.email, when given, name them. Replies are signed with a first and a last name:
// an agent without one is a configuration error (78) that says where to set it.
AgentIdentity replying_agent(const AgentIdentity& configured, const std::string& as,
                             const std::map<std::string, std::string>& vars, const Routing& team);

// Returns the team's directory as reply_context() reads it.
AgentDirectory agent_directory(const Routing& team);

// Whether a reply to a ticket merged into another goes through.
enum class Merged { refuse, answer };

// What to answer the chosen tickets with.
struct ReplyRequest {
    const TemplateLibrary& library;
    const TemplateFile& file;
    // Every ticket in this language (--lang); else each in its customer's, and in
    // `fallback_lang` where that is unknown or the template lacks it.
    std::optional<std::string> lang;
    std::string fallback_lang;
    AgentIdentity agent;
    // Values for the template; "name.ru" is the value of "name" in Russian replies.
    std::map<std::string, std::string> vars;
    std::optional<Status> status;  // overrides the template's status_after
    Timestamp now = 0;
    AgentDirectory team;
    Merged merged = Merged::refuse;
    // Files sent with every reply (--attach), after the template's own.
    std::vector<std::filesystem::path> attach = {};
};

// A ticket with the reply rendered for it.
struct RenderedFor {
    TicketRecord record;
    RenderedReply reply;
    std::string note;  // for the agent: the customer's language the template lacks
};

// Renders `request` for each of `ids`, each in its language. All or none: for one
// ticket its error goes as it is; for several, a data error (65) names every ticket
// that cannot be answered. A ticket merged into another is a usage error (64) naming
// where it went, unless `request.merged` says to answer it.
std::vector<RenderedFor> render_replies(Store& store, std::span<const TicketId> ids, const ReplyRequest& request);

// Renders `request` for `record`, a conversation loaded already (inside the caller's
// transaction), in its customer's language; a requester with no address is a data
// error (65).
RenderedFor render_reply_to(TicketRecord record, const ReplyRequest& request);

// A reply ready to record: what the customer will get and how it threads.
struct ReplyDraft {
    TicketId ticket_id = 0;
    Address to;
    std::string subject;  // with the subject tag
    std::string body;
    std::string template_name;  // empty for a free-text --message
    std::string lang;
    std::string agent_name;  // the name it is signed with, in `lang`
    std::string note;        // for the agent, from RenderedFor
    std::optional<Status> status_after;
    std::string message_id;  // ours, without <>
    std::optional<std::string> in_reply_to;
    std::vector<std::string> references;
    std::string raw;  // the RFC 5322 message, when composed
    // The files it sends (their bytes are in `raw` only); message_id is set on recording.
    std::vector<AttachmentInfo> attachments = {};
    // How it reaches the customer (reply_channel): by mail, by the channel's program
    // (`raw` is then the JSON it is handed), or by a call the agent makes.
    Channel channel = Channel::email;
    std::string outcome = {};  // of a call: reached, voicemail
};

// Returns how a reply reaches the requester of `ticket`: a mail address by mail, a
// phone number by a call (never mailed), a chat identity by the program of the
// ticket's channel (chat, web or api; chat for a ticket that came otherwise).
Channel reply_channel(const Ticket& ticket);

// Returns the JSON a channel's deliver program is handed for `draft`, a reply to
// `record` by `agent`: ticket, thread, to, name, subject, text, language, agent,
// message_id.
std::string channel_payload(const TicketRecord& record, const ReplyDraft& draft, const AgentIdentity& agent);

// The programs replies leave by: sendmail for mail, and config.toml's [channels.NAME]
// deliver for chat, web and api.
struct Senders {
    std::vector<std::string> sendmail;
    std::vector<ChannelSettings> channels;
};

// Returns the senders `config` sets.
Senders senders_of(const Config& config);

// Refuses (78) to queue `draft` for a chat, web or api channel `channels` gives no
// program: it would wait in the outbox for one, and the agent believe it sent.
void require_delivery_program(const ReplyDraft& draft, const std::vector<ChannelSettings>& channels);

// Whether a draft carries the whole RFC 5322 message (for --mime, and for sending).
enum class Compose { text_only, message };

// Whether recorded replies go to the outbox for sendmail.
enum class Queue { no, for_sending };

// Who sends a reply: an agent, or the desk by itself (an acknowledgement on arrival),
// whose message says so with RFC 3834's Auto-Submitted: auto-replied.
enum class Submitted { by_agent, automatically };

// The most the files of one command's replies may weigh in all, counted once for each
// reply they go with (256 MiB): each reply keeps its own copy in the database, and the
// replies of a command are composed before one transaction records them all.
constexpr std::size_t k_max_bulk_attached_bytes = 256u << 20;

// The files the replies of one command send, each read once however many replies it
// goes with: an outage notice with a PDF to 5,000 tickets reads the PDF once.
class ReplyFiles {
public:
    // Returns the files at `paths` for a reply to `ticket`, read whole: a file that
    // cannot be read is an error naming it (66), files over k_max_attached_bytes
    // together a data error (65), and a ticket answered by phone or chat a usage error
    // (64), since files go by mail only.
    std::vector<OutgoingFile> for_reply(const Ticket& ticket, std::span<const std::filesystem::path> paths);

private:
    std::map<std::filesystem::path, OutgoingFile> m_read;
};

// Makes `rendered`, a reply to `record` by `agent`, ready to record: the subject tag
// of `mail` added, a new Message-ID, In-Reply-To and References from the customer's
// last message, and with `compose` the RFC 5322 text, marked as `submitted`. Composing
// needs a From address: mail.from, else the agent's email; without either it is a
// configuration error (78). A reply with files (rendered.attachments) is always
// composed, so that they are kept with it; `files` reads them (ReplyFiles::for_reply).
ReplyDraft draft_reply(const TicketRecord& record, RenderedReply rendered, const AgentIdentity& agent,
                       const MailSettings& mail, Compose compose, Timestamp now, ReplyFiles& files,
                       Submitted submitted = Submitted::by_agent);

// Changes a rendered body of a reply to `record` before it is drafted: an agent's editor.
using ReviseBody = std::function<std::string(const TicketRecord& record, const std::string& body)>;

// Renders `request` for each of `ids` (render_replies) and drafts each reply as
// `request.agent`'s (draft_reply): the first half of every reply tkt makes, by
// `tkt reply` and by `tkt escalate --notify`. `revise`, when given, runs on each body
// between the two, with no transaction open. Files that would weigh over
// k_max_bulk_attached_bytes in all, once for each reply they go with, are a data error
// (65) before any is read.
std::vector<ReplyDraft> prepare_replies(Store& store, std::span<const TicketId> ids, const ReplyRequest& request,
                                        const MailSettings& mail, Compose compose, const ReviseBody& revise = {});

// What recording one reply did.
struct RecordedReply {
    TicketId ticket_id = 0;
    std::int64_t message_row = 0;
    std::optional<std::int64_t> outbox_id;  // when queued for sending
    bool first_reply = false;               // it set first_reply_at
    bool assigned = false;                  // the ticket had no owner and now has `agent`
    std::optional<std::int64_t> bulk;       // the bulk action it is part of, when one of several
    StatusChange status;
};

// Records `drafts` in one transaction: for each, the outbound message with its
// attachments, a `replied` event, first_reply_at when it is the first, `agent` as assignee when there is none,
// the status change (the draft's status_after, else new becomes open), and with
// `queue` an outbox entry. A ticket gone since drafting fails the whole batch. Several
// drafts are one bulk action: each event's detail names it ("bulk": its id, the message
// row of the first reply, and how many tickets it answered), and no ticket is assigned.
std::vector<RecordedReply> record_replies(Store& store, std::span<const ReplyDraft> drafts, const AgentIdentity& agent,
                                          Queue queue, Timestamp now);

// What became of one outbox entry handed to sendmail.
struct Delivery {
    OutboxItem item;
    SendResult result;
};

// Hands the claimed outbox entry `item` (with its raw message) to its program:
// sendmail for mail, the channel's deliver program otherwise; a channel without one
// is a failure that says where to set it.
SendResult deliver(const Senders& senders, const OutboxItem& item);

// How send_outbox hands messages over.
struct SendOptions {
    std::size_t parallel = 1;  // sendmail processes at a time (mail.parallel)
    // Called after each batch with how many of the entries were dealt with, and of how many.
    std::function<void(std::size_t done, std::size_t total)> progress = {};
};

// Sends the queued outbox entries among `ids` (every queued one when empty), mail
// through `senders.sendmail` and other channels through their program (deliver), a
// batch at a time: the batch is claimed in one transaction, so that no other process
// sends its entries too, handed over (`options.parallel` programs at a time), then each
// marked sent or left queued with the error, in one transaction. A killed tkt leaves
// the batch it was sending in 'sending'.
std::vector<Delivery> send_outbox(Store& store, const Senders& senders, std::span<const std::int64_t> ids,
                                  Timestamp now, const SendOptions& options = {});

}  // namespace tkt
