-- The inbox as a working tool (issue 15): saved views per user, and the indexes its filters and tab
-- counts read (api/src/domain/tasks/task-list-where.ts, count-tasks.ts).

-- 已保存的视图: a user's named inbox filter with its sort.
CREATE TABLE "saved_task_view" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "filter" JSONB NOT NULL,
    "sort_field" TEXT NOT NULL DEFAULT 'dueAt',
    "sort_order" TEXT NOT NULL DEFAULT 'ASC',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_task_view_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "saved_task_view_user_id_name_key" ON "saved_task_view"("user_id", "name");
ALTER TABLE "saved_task_view" ADD CONSTRAINT "saved_task_view_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- 待领取: a unit's open tasks that no one has claimed, by due time (the unclaimed tab's list and count).
CREATE INDEX "task_open_unassigned" ON "task" ("unit_id", "due_at") WHERE "status" = 'OPEN' AND "assignee_id" IS NULL;

-- 紧急: the emergency cases, few among all, from which the emergency tab reaches their tasks.
CREATE INDEX "case_emergency" ON "case" ("id") WHERE "emergency";
