/** "Retrying in N s" while a reply waits for its automatic retry, with Cancel (which stops the reply). */
import { useEffect, useState } from 'react'
import { call } from '../../../api'
import type { RetryWait as Wait } from './extras-store'

export function RetryWait({ wait }: { wait: Wait }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(timer)
  }, [])
  const seconds = Math.max(0, Math.ceil((wait.at - now) / 1000))
  return (
    <div className="reply-retry" role="status">
      <span>
        {wait.reason} Retrying in {seconds} s
      </span>
      <button type="button" className="button--quiet" onClick={() => void call('chat.stop', { requestId: wait.requestId })}>
        Cancel
      </button>
    </div>
  )
}
