/** 演示数据: the living demo's marker and loading banner. en/demo.ts is typed against this file. */
export const demo = {
  guanai: {
    demo: {
      marker: '演示数据',
      markerShort: '演示',
      markerHint: '本系统中的个案、人员和发放记录为演示数据，均为虚构',
      loading: '正在加载演示数据 %{loaded}/%{total}',
      loadingHint: '可以照常使用系统，演示个案会陆续出现',
      failed: '演示数据加载中断，已加载 %{loaded} 个个案',
    },
  },
};
