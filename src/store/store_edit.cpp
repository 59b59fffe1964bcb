// Editing tickets by hand (tkt set, tkt move): the fields no other command writes.
#include "store/database.hpp"
#include "store/store.hpp"

namespace tkt {

void Store::set_subject(TicketId id, std::string_view subject, Timestamp now) {
    m_db->prepare("UPDATE tickets SET subject = ?2, updated_at = ?3 WHERE id = ?1")
        .bind(1, id)
        .bind(2, subject)
        .bind(3, now)
        .run();
    text_changed(id);
}

void Store::set_requester(TicketId id, std::string_view email, std::string_view name, Timestamp now) {
    m_db->prepare("UPDATE tickets SET requester = ?2, requester_name = ?3, updated_at = ?4 WHERE id = ?1")
        .bind(1, id)
        .bind(2, email)
        .bind(3, name)
        .bind(4, now)
        .run();
}

}  // namespace tkt
