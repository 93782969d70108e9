namespace CloudAssist.Agent.Execution;

/// <summary>The last N task ids this agent finished, so a late redelivery is not run twice.</summary>
public sealed class RecentTaskIds(int capacity)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _ids = [];
    private readonly Queue<string> _order = new();

    public void Add(string taskId)
    {
        lock (_gate)
        {
            if (!_ids.Add(taskId))
            {
                return;
            }

            _order.Enqueue(taskId);
            if (_order.Count > capacity)
            {
                _ids.Remove(_order.Dequeue());
            }
        }
    }

    public bool Contains(string taskId)
    {
        lock (_gate)
        {
            return _ids.Contains(taskId);
        }
    }
}
