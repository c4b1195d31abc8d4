import type { UserRole } from '@guanai/workflows/vocabulary';
import type { Labels } from '../messages.ts';

/**
 * Users, their roles, resetting a password and changing one's own. Chinese is the source of truth: en/users.ts is
 * typed against this file.
 */
export const users = {
  resources: {
    users: {
      name: '用户',
      fields: {
        username: '用户名',
        displayName: '姓名',
        role: '角色',
        orgUnitId: '所属单位',
        orgUnitName: '所属单位',
        partnerId: '所属合作机构',
        partnerName: '所属合作机构',
        active: '启用',
        password: '初始密码（可不填）',
        createdAt: '创建时间',
        q: '搜索',
      },
    },
  },
  guanai: {
    roles: {
      DISCOVERER: '发现员',
      STATION_WORKER: '服务站工作人员',
      CASEWORKER: '社工',
      SUPERVISOR: '督导',
      MANAGER: '管理人员',
      PARTNER: '合作机构',
      VOLUNTEER: '志愿者',
      ADMIN: '系统管理员',
    } satisfies Labels<UserRole>,
    users: {
      temporaryPassword: '临时密码',
      temporaryPasswordHelp: '请把临时密码当面或电话告知 %{name}。它只显示这一次，用户登录后应立即修改密码。',
      resetPassword: '重置密码',
      resetConfirm: '重置 %{name} 的密码？该用户的所有登录会话将立即失效。',
      copy: '复制',
      copied: '已复制',
      passwordRule: '至少10个字符，须包含字母和数字',
      passwordHelp: '不填则生成一次性临时密码',
      unitHint: '%{levels}',
      done: '完成',
    },
    password: {
      title: '修改密码',
      current: '当前密码',
      new: '新密码',
      confirm: '再次输入新密码',
      mismatch: '两次输入的新密码不一致',
      changed: '密码已修改',
    },
  },
};
