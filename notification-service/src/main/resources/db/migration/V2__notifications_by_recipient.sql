-- A user reads only their own feed, newest first; without this index every page would scan all users' rows.
create index notifications_recipient_newest_first_idx on notifications (recipient_id, created_at desc, id desc);
